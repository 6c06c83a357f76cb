using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace ScanPoint.FleetServer.Messaging;

/// <summary>Publishes into the embedded MQTTnet broker as the client <c>fleet-server</c>.</summary>
internal sealed class EmbeddedPublisher(MqttServer broker) : IFleetPublisher
{
    public const string ClientId = "fleet-server";

    public Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        return broker.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = ClientId }, cancellationToken);
    }
}
