using System.Buffers;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using ScanPoint.Contracts.Devices;

namespace ScanPoint.FleetServer.Tests.Broker;

/// <summary>An MQTT 5 client speaking as a device (or pretending to), collecting what it receives.</summary>
internal sealed class DeviceClient : IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    private DeviceClient()
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            Received.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
    }

    public ConcurrentQueue<(string Topic, byte[] Payload)> Received { get; } = new();

    /// <summary>Connects with the given id and secret; returns the broker's answer instead of throwing.</summary>
    public static async Task<(DeviceClient Client, MqttClientConnectResultCode Result)> ConnectAsync(int port, string clientId, string secret)
    {
        var device = new DeviceClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithCredentials(clientId, secret)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        var result = await device._client.ConnectAsync(options); // MQTTnet 5 returns a refusal as a result
        return (device, result.ResultCode);
    }

    public static async Task<DeviceClient> ConnectAsync(int port, DeviceCredential credential)
    {
        var (client, result) = await ConnectAsync(port, credential.DeviceId, credential.Secret);
        Assert.Equal(MqttClientConnectResultCode.Success, result);
        return client;
    }

    public async Task<MqttClientPublishResult> PublishAsync(string topic, byte[] payload) =>
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string filter)
    {
        var result = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return result.Items.Single().ResultCode;
    }

    public void Dispose() => _client.Dispose();
}
