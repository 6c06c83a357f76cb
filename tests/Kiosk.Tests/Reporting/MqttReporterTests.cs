using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using ScanPoint.Contracts;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Wire;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Provisioning;
using ScanPoint.Kiosk.Reporting;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Reporting;

/// <summary>The reporter against MQTTnet's in-process broker on loopback: a PUBACK is not an ack.</summary>
public sealed class MqttReporterTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new("reporter");
    private readonly int _port = FreePort.Next();
    private readonly ConcurrentQueue<CheckInsRecorded> _published = new();
    private MqttServer _broker = null!;
    private LiteDbCheckInOutbox _outbox = null!;
    private MqttReporter _reporter = null!;

    public async Task InitializeAsync()
    {
        _broker = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(_port).Build());
        _broker.InterceptingPublishAsync += e =>
        {
            if (e.ApplicationMessage.Topic == Topics.CheckIns("HN", "kiosk-1") && WireJson.TryDecode(e.ApplicationMessage.Payload.ToArray(), out CheckInsRecorded? batch, out _))
            {
                _published.Enqueue(batch);
            }

            return Task.CompletedTask;
        };
        await _broker.StartAsync();
        _outbox = new LiteDbCheckInOutbox(new FileOutboxStorage(_dir.Path), "kiosk-1", "site-1", TimeProvider.System, NullLogger<LiteDbCheckInOutbox>.Instance);
        var identity = new KioskIdentity("kiosk-1", "HN", "site-1", new Uri($"mqtt://127.0.0.1:{_port}"), "secret");
        var options = Options.Create(new ReportingOptions { BatchSize = 4, AckTimeout = TimeSpan.FromSeconds(1), ReconnectMinDelay = TimeSpan.FromMilliseconds(100), ReconnectMaxDelay = TimeSpan.FromMilliseconds(500), IdlePoll = TimeSpan.FromMilliseconds(100) });
        _reporter = new MqttReporter(identity, Options.Create(new KioskOptions { DataDir = _dir.Path }), _outbox, new OutboxSignal(), options, TimeProvider.System, NullLogger<MqttReporter>.Instance);
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

        // the application ack for the first six deletes exactly those
        await InjectAckAsync(recorded.Take(6));
        await Eventually.TrueAsync(() => _outbox.GetStatus().Pending == 4, Timeout, "six deleted");
        Assert.Equal(recorded.Skip(6), _outbox.PeekPending(0, 100));
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

    public async Task DisposeAsync()
    {
        await _reporter.StopAsync(CancellationToken.None);
        _reporter.Dispose();
        _outbox.Dispose();
        await _broker.StopAsync();
        _broker.Dispose();
        _dir.Dispose();
    }

    private HashSet<long> SeqsPublished() => [.. _published.SelectMany(b => b.Items).Select(i => i.Seq)];

    private Task InjectAckAsync(IEnumerable<CheckInRecorded> items)
    {
        var ack = new CheckInsAcknowledged(CheckInsAcknowledged.SchemaVersion, [.. items.Select(i => new AcknowledgedCheckIn(i.Id, i.Seq))]);
        var message = new MqttApplicationMessageBuilder().WithTopic(Topics.Ack("HN", "kiosk-1")).WithPayload(WireJson.Encode(ack)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        return _broker.InjectApplicationMessage(new InjectedMqttApplicationMessage(message));
    }

    private static ScannedCode Scan(int n) =>
        new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero).AddSeconds(n), CodeFormats.Dcc, VerdictCodes.Unverified, $"hash-{n}");
}
