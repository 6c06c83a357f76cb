using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Exceptions;
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
    public static async Task<(DeviceClient Client, MqttClientConnectResultCode Result)> ConnectAsync(int port, string clientId, string secret, (string Topic, byte[] Payload)? will = null)
    {
        var device = new DeviceClient();
        var builder = new MqttClientOptionsBuilder();
        if (will is { } w)
        {
            builder.WithWillTopic(w.Topic).WithWillPayload(w.Payload).WithWillRetain().WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var options = builder
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithCredentials(clientId, secret)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        var result = await device._client.ConnectAsync(options); // MQTTnet 5 returns a refusal as a result
        return (device, result.ResultCode);
    }

    /// <summary>
    /// Connects to the TLS endpoint with an optional client certificate, trusting only <paramref name="ca"/> for the
    /// server. Returns the broker's answer, or null when TLS or the transport failed (the exception is in Error).
    /// </summary>
    public static async Task<(DeviceClient Client, MqttClientConnectResultCode? Result, Exception? Error)> ConnectTlsAsync(
        int port, string clientId, X509Certificate2? certificate, X509Certificate2 ca)
    {
        var device = new DeviceClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithTlsOptions(tls =>
            {
                tls.UseTls().WithCertificateValidationHandler(v => v.Certificate is X509Certificate2 server && Chains(server, ca));
                if (certificate is not null)
                {
                    tls.WithClientCertificates([certificate]);
                }
            })
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        try
        {
            return (device, (await device._client.ConnectAsync(options)).ResultCode, null);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException or System.Security.Authentication.AuthenticationException or IOException)
        {
            return (device, null, ex);
        }
    }

    public bool IsConnected => _client.IsConnected;

    private static bool Chains(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public static async Task<DeviceClient> ConnectAsync(int port, DeviceCredential credential)
    {
        var (client, result) = await ConnectAsync(port, credential.DeviceId, credential.Secret);
        Assert.Equal(MqttClientConnectResultCode.Success, result);
        return client;
    }

    public async Task<MqttClientPublishResult> PublishAsync(string topic, byte[] payload, bool retain = false) =>
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

    /// <summary>Drops the connection without DISCONNECT, as a dead kiosk would (the broker then publishes the will).</summary>
    public void Abort() => _client.Dispose();

    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string filter)
    {
        var result = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return result.Items.Single().ResultCode;
    }

    public void Dispose() => _client.Dispose();
}
