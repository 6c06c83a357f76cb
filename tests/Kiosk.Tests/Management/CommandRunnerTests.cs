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

/// <summary>Commands on the fake clock with a fake publish delegate: expiry, at most once, answers, reboot after the answer.</summary>
public sealed class CommandRunnerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("commands");
    private readonly FakeTimeProvider _time = new(Now);
    private readonly ConcurrentQueue<(string Topic, byte[] Payload)> _published = new();
    private readonly FleetLink _link = new();
    private readonly ManagementTopics _topics = ManagementTopics.Of(new KioskIdentity("kiosk-1", "HN", "site-1", new Uri("mqtt://127.0.0.1:1"), "secret"));
    private readonly ServerClock _serverClock;
    private readonly RecentLogs _logs;
    private CommandRunner _runner = null!;
    private volatile bool _online = true;

    public CommandRunnerTests()
    {
        _serverClock = new ServerClock(_time);
        _logs = new RecentLogs(_time);
        _link.Attach((topic, payload, _) =>
        {
            if (_online)
            {
                _published.Enqueue((topic, payload));
            }

            return Task.FromResult(_online);
        }, () => true);
    }

    public async Task InitializeAsync()
    {
        _runner = NewRunner();
        await _runner.StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Receive_PastExpiryByFleetClock_AnsweredExpiredWithoutRunning()
    {
        _serverClock.Observe(Now + TimeSpan.FromMinutes(10)); // the kiosk is ten minutes behind the fleet

        _runner.Receive(Command("c-1", CommandIssued.UploadLogs, expiresIn: TimeSpan.FromMinutes(5)));
        await _runner.PublishPendingAsync(CancellationToken.None);

        Assert.Equal(CommandCompleted.Expired, Assert.Single(Results()).Status);
        Assert.DoesNotContain(_published, p => p.Topic == _topics.Logs);
    }

    [Fact]
    public async Task Receive_UploadLogsSentAgain_RunsOnceAndRepublishesStoredAnswer()
    {
        Log.LocalConfigChanged(_logs.CreateLogger("test"), 7);
        _runner.Receive(Command("c-2", CommandIssued.UploadLogs));
        await AnsweredAsync("c-2");

        var restarted = NewRunner(); // the answer is remembered across a restart
        restarted.Receive(Command("c-2", CommandIssued.UploadLogs));
        await restarted.PublishPendingAsync(CancellationToken.None);

        var logs = Assert.Single(_published, p => p.Topic == _topics.Logs);
        Assert.True(WireJson.TryDecode(logs.Payload, out LogsUploaded? uploaded, out _));
        Assert.Contains(uploaded.Lines, l => l.Contains("Local config changed: 7", StringComparison.Ordinal));
        Assert.Equal(2, Results().Count);
        Assert.All(Results(), r => Assert.Equal(("c-2", CommandCompleted.Succeeded), (r.Id, r.Status)));
    }

    [Fact]
    public async Task Receive_StartedBeforeACrash_AnsweredUnknownInsteadOfRunningAgain()
    {
        new CommandJournal(_dir.Path).Put(new CommandEntry("c-3", CommandIssued.Reboot, null, "", Now, false));
        var restarted = NewRunner();

        restarted.Receive(Command("c-3", CommandIssued.Reboot));
        await restarted.PublishPendingAsync(CancellationToken.None);

        Assert.Equal(CommandCompleted.Unknown, Assert.Single(Results()).Status);
        Assert.False(File.Exists(_dir.File("rebooted")));
    }

    [Fact]
    public async Task PublishPendingAsync_Reboot_RunsRebootCommandOnlyOnceTheAnswerIsOut()
    {
        _online = false;
        _runner.Receive(Command("c-4", CommandIssued.Reboot));
        await Eventually.TrueAsync(() => new CommandJournal(_dir.Path).Find("c-4")?.Status is not null, Timeout, "the reboot answered");
        await _runner.PublishPendingAsync(CancellationToken.None);
        Assert.False(File.Exists(_dir.File("rebooted")));

        _online = true;
        await _runner.PublishPendingAsync(CancellationToken.None);

        Assert.Equal(CommandCompleted.Succeeded, Assert.Single(Results()).Status);
        await Eventually.TrueAsync(() => File.Exists(_dir.File("rebooted")), Timeout, "the reboot command ran");
    }

    [Fact]
    public async Task Receive_RefreshTrustWithoutAnchor_FailsNamingTheTrustVersion()
    {
        _runner.Receive(Command("c-5", CommandIssued.RefreshTrust));
        await AnsweredAsync("c-5");

        var result = Assert.Single(Results());
        Assert.Equal(CommandCompleted.Failed, result.Status);
        Assert.StartsWith("trust v0", result.Detail, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _runner.StopAsync(CancellationToken.None);
        _runner.Dispose();
        _dir.Dispose();
    }

    private async Task AnsweredAsync(string id)
    {
        await Eventually.TrueAsync(() => new CommandJournal(_dir.Path).Find(id)?.Status is not null, Timeout, $"{id} answered");
        await _runner.PublishPendingAsync(CancellationToken.None);
    }

    private List<CommandCompleted> Results() =>
        [.. _published.Where(p => p.Topic == _topics.Results).Select(p => WireJson.TryDecode(p.Payload, out CommandCompleted? c, out _) ? c : throw new InvalidDataException())];

    private CommandIssued Command(string id, string name, TimeSpan? expiresIn = null) =>
        new(CommandIssued.SchemaVersion, id, name, Now, Now + (expiresIn ?? TimeSpan.FromHours(1)));

    private CommandRunner NewRunner()
    {
        var options = Options.Create(new KioskOptions { DataDir = _dir.Path, RebootCommand = $"touch '{_dir.File("rebooted")}'" });
        var trust = new KioskTrust(options, NullLogger<KioskTrust>.Instance);
        var updater = new TrustUpdater(trust, options, _time, NullLogger<TrustUpdater>.Instance);
        var selfTest = new KioskSelfTest(options, trust, new ScanSourcesHealth(_time), _link, _time);
        var handlers = new CommandHandlers(updater, trust, _logs, selfTest, _link, _topics, _time);
        return new CommandRunner(new CommandJournal(_dir.Path), handlers, _topics, _link, _serverClock, new OutboxSignal(), options, _time, NullLogger<CommandRunner>.Instance);
    }
}
