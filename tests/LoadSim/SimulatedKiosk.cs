using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using ScanPoint.Contracts;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;

namespace ScanPoint.LoadSim;

/// <summary>
/// One kiosk's MQTT side at rest: mutual TLS with its own certificate, a retained birth with a last will, and a
/// heartbeat every interval (first one at a random point of the interval); reconnects with jittered exponential
/// backoff (0.5 → 10 s) when the connection drops.
/// </summary>
internal sealed class SimulatedKiosk(string deviceId, string province, X509Certificate2 certificate, X509Certificate2 ca) : IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private long _boot;

    public bool IsConnected => _client.IsConnected;

    public long Heartbeats { get; private set; }

    public async Task RunAsync(int port, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(500);
        var nextBeat = DateTimeOffset.UtcNow + (heartbeat * Random.Shared.NextDouble());
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await ConnectAsync(port, cancellationToken);
                    backoff = TimeSpan.FromMilliseconds(500);
                }

                if (DateTimeOffset.UtcNow >= nextBeat)
                {
                    await _client.PublishAsync(Beat(), cancellationToken);
                    Heartbeats++;
                    nextBeat += heartbeat;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                backoff = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(10).Ticks, backoff.Ticks * 2));
                try
                {
                    await Task.Delay(backoff / 2 * (0.5 + Random.Shared.NextDouble()), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return; // stopped while backing off
                }
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task ConnectAsync(int port, CancellationToken cancellationToken)
    {
        _boot++;
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(deviceId)
            .WithTlsOptions(tls => tls.UseTls().WithClientCertificates([certificate]).WithCertificateValidationHandler(v => v.Certificate is X509Certificate2 server && Chains(server)))
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
            .WithWillTopic(Topics.State(province, deviceId))
            .WithWillPayload(WireJson.Encode(new PresenceChanged(PresenceChanged.SchemaVersion, PresenceChanged.Lost, _boot, DateTimeOffset.UtcNow)))
            .WithWillRetain()
            .WithTimeout(TimeSpan.FromSeconds(20))
            .Build();
        var result = await _client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new IOException($"{deviceId}: {result.ResultCode}");
        }

        await _client.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic(Topics.State(province, deviceId))
                .WithPayload(WireJson.Encode(new PresenceChanged(PresenceChanged.SchemaVersion, PresenceChanged.Online, _boot, DateTimeOffset.UtcNow)))
                .WithRetainFlag()
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(),
            cancellationToken);
    }

    private MqttApplicationMessage Beat() => new MqttApplicationMessageBuilder()
        .WithTopic(Topics.DeviceRoot(province, deviceId) + "/hb")
        .WithPayload(WireJson.Encode(new HeartbeatReported(
            HeartbeatReported.SchemaVersion, _boot, DateTimeOffset.UtcNow, 3600, 52.5, 20_000_000_000, 32_000_000_000, 600_000_000, 90_000_000, 0, null, 7, 3600, 0.2, 12, 0)))
        .Build();

    private bool Chains(X509Certificate2 server)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server);
    }
}
