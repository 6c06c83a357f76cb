using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.Management;
using ScanPoint.Contracts.Wire;
using ScanPoint.Kiosk.Health;
using ScanPoint.Kiosk.Management;
using ScanPoint.Kiosk.Provisioning;
using ScanPoint.Kiosk.Reporting;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.Kiosk.Verification;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Management;

/// <summary>Routing of management messages and what is published, with a fake publish delegate.</summary>
public sealed class ManagementChannelTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("channel");
    private readonly FakeTimeProvider _time = new(Now);
    private readonly ConcurrentQueue<(string Topic, byte[] Payload)> _published = new();
    private readonly ManagementTopics _topics = ManagementTopics.Of(new KioskIdentity("kiosk-1", "HN", "site-1", new Uri("mqtt://127.0.0.1:1"), "secret"));
    private readonly FleetLink _link = new();
    private readonly AlertQueue _alerts;
    private readonly ManagementChannel _channel;
    private bool _online;

    public ManagementChannelTests()
    {
        var options = Options.Create(new KioskOptions { DataDir = _dir.Path });
        var config = new KioskConfig(options, Options.Create(new ReportingOptions()), _time);
        var trust = new KioskTrust(options, NullLogger<KioskTrust>.Instance);
        var handlers = new CommandHandlers(new TrustUpdater(trust, options, _time, NullLogger<TrustUpdater>.Instance), trust, new RecentLogs(_time), new KioskSelfTest(options, trust, new ScanSourcesHealth(_time), _link, _time), _link, _topics, _time);
        var signal = new OutboxSignal();
        var runner = new CommandRunner(new CommandJournal(_dir.Path), handlers, _topics, _link, new ServerClock(_time), signal, options, _time, NullLogger<CommandRunner>.Instance);
        _alerts = new AlertQueue(_dir.Path);
        _channel = new ManagementChannel(_topics, config, runner, _alerts, _link, signal, NullLogger<ManagementChannel>.Instance);
        _link.Attach((topic, payload, _) =>
        {
            if (_online)
            {
                _published.Enqueue((topic, payload));
            }

            return Task.FromResult(_online);
        }, () => true);
    }

    [Fact]
    public async Task TryHandle_DesiredWhileOffline_ReportedWithAlertsOnceOnline()
    {
        var desired = KioskConfigTests.Desired(4, 2, new() { ["heartbeatInterval"] = "10s", ["nonsense"] = "1" });
        _alerts.Enqueue(AlertConditions.CpuHot, AlertChanged.Raised, "CPU 90 °C", Now);

        Assert.True(_channel.TryHandle(_topics.Desired, WireJson.Encode(desired)));
        await _channel.PublishPendingAsync(CancellationToken.None);
        Assert.Empty(_published);
        _online = true;
        await _channel.PublishPendingAsync(CancellationToken.None);

        Assert.Equal([_topics.Reported, _topics.Alerts], _published.Select(p => p.Topic));
        Assert.True(WireJson.TryDecode(_published.First().Payload, out ConfigReported? reported, out _));
        Assert.Equal((4L, 2L, "10s"), (reported.DeviceVersion, reported.PolicyVersion, reported.Effective["heartbeatInterval"]));
        Assert.Equal("nonsense", Assert.Single(reported.Rejected).Key);
        Assert.Equal(TimeSpan.FromSeconds(10), _channel.HeartbeatInterval);
    }

    [Fact]
    public async Task TryHandle_ExpiredCommand_AnsweredOnResults()
    {
        _online = true;
        var command = new CommandIssued(CommandIssued.SchemaVersion, "c-9", CommandIssued.SelfTest, Now.AddHours(-2), Now.AddHours(-1));

        Assert.True(_channel.TryHandle(_topics.Commands, WireJson.Encode(command)));
        await _channel.PublishPendingAsync(CancellationToken.None);

        var result = Assert.Single(_published, p => p.Topic == _topics.Results);
        Assert.True(WireJson.TryDecode(result.Payload, out CommandCompleted? completed, out _));
        Assert.Equal(("c-9", CommandCompleted.Expired), (completed.Id, completed.Status));
    }

    [Fact]
    public void TryHandle_OtherTopic_NotHandled()
    {
        Assert.False(_channel.TryHandle("sp/v1/HN/kiosk-1/ack", [1, 2, 3]));
        Assert.Equal([_topics.Desired, _topics.Commands], _channel.Subscriptions);
    }

    public void Dispose() => _dir.Dispose();
}
