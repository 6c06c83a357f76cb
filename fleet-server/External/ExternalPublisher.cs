using ScanPoint.FleetServer.Messaging;

namespace ScanPoint.FleetServer.External;

/// <summary>Publishes acks and broadcasts through the fleet server's connection to the external broker.</summary>
internal sealed class ExternalPublisher(ExternalBrokerClient client) : IFleetPublisher
{
    public Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken) =>
        client.PublishAsync(topic, payload, retain, cancellationToken);
}
