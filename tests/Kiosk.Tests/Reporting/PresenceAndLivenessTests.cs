using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Server;
using ScanPoint.Kiosk.Health;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Provisioning;
using ScanPoint.Kiosk.Reporting;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.Kiosk.Verification;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Reporting;

/// <summary>The heartbeat's rhythm on the fake clock, with a client connected to the in-process broker.</summary>
public sealed class PresenceAndLivenessTests : IAsyncLifetime
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromHours(2);
    private readonly TempDirectory _dir = new("liveness");
    private readonly int _port = FreePort.Next();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private MqttServer _broker = null!;
    private IMqttClient _client = null!;
    private LiteDbCheckInOutbox _outbox = null!;

    public async Task InitializeAsync()
    {
        _broker = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(_port).Build());
        await _broker.StartAsync();
        _client = new MqttClientFactory().CreateMqttClient();
        await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _port).Build());
        _outbox = new LiteDbCheckInOutbox(new FileOutboxStorage(_dir.Path), "kiosk-1", "site-1", _time, NullLogger<LiteDbCheckInOutbox>.Instance);
    }

    [Fact]
    public async Task NextWait_IntervalSettingChanged_MovesThePlannedBeat()
    {
        var interval = TimeSpan.FromMinutes(1);
        var health = Create(() => interval);
        health.Connected();
        await health.BeatIfDueAsync(_client, CancellationToken.None);
        Assert.Equal(TimeSpan.FromMinutes(1), health.NextWait(IdlePoll));

        interval = TimeSpan.FromSeconds(10);

        Assert.Equal(TimeSpan.FromSeconds(10), health.NextWait(IdlePoll));
        _time.Advance(TimeSpan.FromSeconds(10));
        await health.BeatIfDueAsync(_client, CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(10), health.NextWait(IdlePoll));
    }

    public async Task DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
        _outbox.Dispose();
        await _broker.StopAsync();
        _broker.Dispose();
        _dir.Dispose();
    }

    private PresenceAndLiveness Create(Func<TimeSpan> interval)
    {
        var kiosk = Options.Create(new KioskOptions { DataDir = _dir.Path });
        var trust = new KioskTrust(kiosk, NullLogger<KioskTrust>.Instance);
        var sampler = new HeartbeatSampler(_outbox, new ScanSourcesHealth(_time), trust, kiosk, _time, null, _dir.File("no-thermal"), _dir.File("no-meminfo"));
        var topics = KioskIdentityTopics.Of(new KioskIdentity("kiosk-1", "HN", "site-1", new Uri($"mqtt://127.0.0.1:{_port}"), "secret"));
        return new PresenceAndLiveness(topics, 1, sampler, interval, _time, NullLogger.Instance);
    }
}
