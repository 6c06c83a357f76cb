using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using ScanPoint.Contracts;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;
using ScanPoint.Kiosk.Health;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Provisioning;
using ScanPoint.Kiosk.Reporting;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.Kiosk.Verification;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Reporting;

/// <summary>The reporter against MQTTnet's in-process broker on loopback: a PUBACK is not an ack.</summary>
public sealed class MqttReporterTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new("reporter");
    private readonly int _port = FreePort.Next();
    private readonly ScanSourcesHealth _scanning = new(TimeProvider.System);
    private readonly ServerClock _serverClock = new(TimeProvider.System);
    private readonly ConcurrentQueue<CheckInsRecorded> _published = new();
    private readonly ConcurrentQueue<(HeartbeatReported Beat, bool Retained, DateTimeOffset ArrivedAt)> _heartbeats = new();
    private MqttServer _broker = null!;
    private LiteDbCheckInOutbox _outbox = null!;
    private readonly ScanPoint.Credentials.Trust.TrustAnchor _anchor = ScanPoint.Credentials.Trust.TrustAnchor.Create();
    private MqttReporter _reporter = null!;
    private KioskTrust _trust = null!;
    private TrustUpdater _updater = null!;

    public async Task InitializeAsync()
    {
        _broker = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(_port).Build());
        _broker.InterceptingPublishAsync += e =>
        {
            if (e.ApplicationMessage.Topic == Topics.CheckIns("HN", "kiosk-1") && WireJson.TryDecode(e.ApplicationMessage.Payload.ToArray(), out CheckInsRecorded? batch, out _))
            {
                _published.Enqueue(batch);
            }

            if (e.ApplicationMessage.Topic == Topics.DeviceRoot("HN", "kiosk-1") + "/hb" && WireJson.TryDecode(e.ApplicationMessage.Payload.ToArray(), out HeartbeatReported? beat, out _))
            {
                _heartbeats.Enqueue((beat, e.ApplicationMessage.Retain, TimeProvider.System.GetUtcNow()));
            }

            return Task.CompletedTask;
        };
        await _broker.StartAsync();
        _outbox = new LiteDbCheckInOutbox(new FileOutboxStorage(_dir.Path), "kiosk-1", "site-1", TimeProvider.System, NullLogger<LiteDbCheckInOutbox>.Instance);
        var identity = new KioskIdentity("kiosk-1", "HN", "site-1", new Uri($"mqtt://127.0.0.1:{_port}"), "secret");
        var options = Options.Create(new ReportingOptions { BatchSize = 4, AckTimeout = TimeSpan.FromSeconds(1), ReconnectMinDelay = TimeSpan.FromMilliseconds(100), ReconnectMaxDelay = TimeSpan.FromMilliseconds(500), IdlePoll = TimeSpan.FromMilliseconds(100), HeartbeatInterval = TimeSpan.FromMilliseconds(200) });
        var kiosk = Options.Create(new KioskOptions { DataDir = _dir.Path });
        File.WriteAllText(_dir.File(KioskTrust.AnchorFileName), _anchor.PublicKeyPem());
        _trust = new KioskTrust(kiosk, NullLogger<KioskTrust>.Instance);
        _updater = new TrustUpdater(_trust, kiosk, TimeProvider.System, NullLogger<TrustUpdater>.Instance);
        var sampler = new HeartbeatSampler(_outbox, _scanning, _trust, kiosk, TimeProvider.System, _serverClock, _dir.File("no-thermal"), _dir.File("no-meminfo"));
        _reporter = new MqttReporter(identity, kiosk, _outbox, new OutboxSignal(), options, sampler, _serverClock, _updater, TimeProvider.System, NullLogger<MqttReporter>.Instance);
    }

    [Fact]
    public async Task Report_PubAckWithoutApplicationAck_KeepsThenResendsThenDeletesOnAck()
    {
        var recorded = new List<CheckInRecorded>();
        for (var i = 0; i < 10; i++)
        {
            recorded.Add(await _outbox.RecordAsync(Scan(i), CancellationToken.None));
        }

        await _reporter.StartAsync(CancellationToken.None);

        // all ten published (QoS 1, PUBACKed by the broker) in batches of at most four ...
        await Eventually.TrueAsync(() => SeqsPublished().Count == 10, Timeout, "every check-in published");
        Assert.All(_published, b => Assert.InRange(b.Items.Count, 1, 4));

        // ... but without the fleet's application ack nothing is deleted, and after the ack timeout they are sent again
        await Eventually.TrueAsync(() => _published.Sum(b => b.Items.Count) > 10, Timeout, "a resend after the ack timeout");
        Assert.Equal(10, _outbox.GetStatus().Pending);

        // the application ack for the first six deletes exactly those; its server time (90 s ahead) sets the clock offset
        await InjectAckAsync(recorded.Take(6), DateTimeOffset.UtcNow.AddSeconds(90));
        await Eventually.TrueAsync(() => _outbox.GetStatus().Pending == 4, Timeout, "six deleted");
        Assert.Equal(recorded.Skip(6), _outbox.PeekPending(0, 100));
        Assert.InRange(_serverClock.OffsetSeconds!.Value, 85, 95);
        await Eventually.TrueAsync(() => _heartbeats.Any(h => h.Beat.ClockOffsetSeconds is > 85 and < 95), Timeout, "a heartbeat reporting the clock offset");
    }

    [Fact]
    public async Task Report_RetainedTrustAnnouncement_UpdaterTakesTheBundleAndHeartbeatsReportIt()
    {
        using var server = new Verification.BundleServer();
        var bundle = TestTrustBundles.Sign(_anchor, 2, DateTimeOffset.UtcNow);
        var url = server.Put("bundle.cose", bundle);
        var announcement = new ScanPoint.Contracts.Trust.TrustAnnounced(1, 2, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bundle)), url.AbsoluteUri, bundle.Length);
        await _broker.InjectApplicationMessage(new InjectedMqttApplicationMessage(new MqttApplicationMessageBuilder()
            .WithTopic(Topics.Trust).WithPayload(WireJson.Encode(announcement)).WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()));

        await _updater.StartAsync(CancellationToken.None);
        await _reporter.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => _trust.Bundle?.Version == 2, Timeout, "the announced bundle taken");
        await Eventually.TrueAsync(() => _heartbeats.Any(h => h.Beat.TrustVersion == 2), Timeout, "a heartbeat reporting trust v2");
        await _updater.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Report_BrokerDownAtStart_DeliversAfterItComesBack()
    {
        await _broker.StopAsync();
        await _reporter.StartAsync(CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            await _outbox.RecordAsync(Scan(i), CancellationToken.None);
        }

        await _broker.StartAsync();

        await Eventually.TrueAsync(() => SeqsPublished().Count == 5, Timeout, "all five published after the broker came back");
    }

    [Fact]
    public async Task Report_Connected_HeartbeatAfterConnectThenEveryInterval()
    {
        File.WriteAllText(_dir.File(BootCounter.FileName), "41");
        for (var i = 0; i < 3; i++)
        {
            await _outbox.RecordAsync(Scan(i), CancellationToken.None);
        }

        var started = TimeProvider.System.GetUtcNow();
        await _reporter.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => !_heartbeats.IsEmpty, Timeout, "a heartbeat after connecting");
        var first = _heartbeats.First();
        Assert.Equal(HeartbeatReported.SchemaVersion, first.Beat.V);
        Assert.Equal(42, first.Beat.Boot);
        Assert.Equal(3, first.Beat.OutboxPending);
        Assert.NotNull(first.Beat.OutboxOldestAgeSeconds);
        Assert.False(first.Retained);

        await Eventually.TrueAsync(() => _heartbeats.Count >= 3, Timeout, "more heartbeats, one per interval");
        var beats = _heartbeats.Take(3).ToList();
        Assert.All(beats, b => Assert.Equal(42, b.Beat.Boot));
        Assert.True(beats[2].ArrivedAt - beats[0].ArrivedAt >= TimeSpan.FromMilliseconds(300), "beats follow the interval, not the idle poll");
        Assert.True(beats[0].ArrivedAt >= started);
    }

    [Fact]
    public async Task Report_HeartbeatFails_CheckInsStillDelivered()
    {
        _scanning.Running(new BrokenMetricsSource()); // every heartbeat sample throws
        for (var i = 0; i < 5; i++)
        {
            await _outbox.RecordAsync(Scan(i), CancellationToken.None);
        }

        await _reporter.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => SeqsPublished().Count == 5, Timeout, "all five published while heartbeats fail");
        await InjectAckAsync(_outbox.PeekPending(0, 100));
        await Eventually.TrueAsync(() => _outbox.GetStatus().Pending == 0, Timeout, "all five acknowledged");
        Assert.Empty(_heartbeats);
    }

    public async Task DisposeAsync()
    {
        await _reporter.StopAsync(CancellationToken.None);
        _reporter.Dispose();
        _updater.Dispose();
        _anchor.Dispose();
        _outbox.Dispose();
        await _broker.StopAsync();
        _broker.Dispose();
        _dir.Dispose();
    }

    private HashSet<long> SeqsPublished() => [.. _published.SelectMany(b => b.Items).Select(i => i.Seq)];

    private Task InjectAckAsync(IEnumerable<CheckInRecorded> items, DateTimeOffset? serverTime = null)
    {
        var ack = new CheckInsAcknowledged(CheckInsAcknowledged.SchemaVersion, [.. items.Select(i => new AcknowledgedCheckIn(i.Id, i.Seq))], serverTime);
        var message = new MqttApplicationMessageBuilder().WithTopic(Topics.Ack("HN", "kiosk-1")).WithPayload(WireJson.Encode(ack)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        return _broker.InjectApplicationMessage(new InjectedMqttApplicationMessage(message));
    }

    private sealed class BrokenMetricsSource : ScanPoint.Hardware.Scanning.IScanSource, ScanPoint.Hardware.Scanning.IScanSourceMetrics
    {
        public string Name => "broken-metrics";

        public IAsyncEnumerable<ScanPoint.Hardware.Scanning.ScanEvent> ReadAsync(CancellationToken cancellationToken) =>
            AsyncEnumerable.Empty<ScanPoint.Hardware.Scanning.ScanEvent>();

        public IReadOnlyDictionary<string, double> ReadMetrics() => throw new IOException("metrics unavailable");
    }

    private static ScannedCode Scan(int n) =>
        new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero).AddSeconds(n), CodeFormats.Dcc, VerdictCodes.Unverified, $"hash-{n}");
}
