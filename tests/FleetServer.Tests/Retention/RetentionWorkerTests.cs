using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Retention;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.Storage;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Retention;

/// <summary>The retention worker on a fake clock over a real SQLite store: at start, then on its interval, through failures.</summary>
public sealed class RetentionWorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new("retention");
    private readonly CountingTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly LoggerFactory _loggers;
    private SqliteFleetStore _inner = null!;

    public RetentionWorkerTests() => _loggers = new LoggerFactory([_logs]);

    public async Task InitializeAsync()
    {
        _inner = new SqliteFleetStore(_dir.File("fleet.db"), _time);
        await _inner.MigrateAsync(CancellationToken.None);
        await _inner.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _inner.DisposeAsync();
        _loggers.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Worker_RunsAtStartThenEachInterval_SurvivesAFailingStore()
    {
        var now = _time.GetUtcNow();
        await _inner.StoreCheckInsAsync(
        [
            TestCheckIns.One("kiosk-1", 1) with { At = now - TimeSpan.FromDays(28) - TimeSpan.FromHours(1) },
            TestCheckIns.One("kiosk-1", 2) with { At = now - TimeSpan.FromDays(27) },
        ], CancellationToken.None);
        var (store, control) = FlakyStore.Wrap(_inner);
        var status = new RetentionStatus(Options.Create(new RetentionOptions()));
        using var worker = new RetentionWorker(store, status, Options.Create(new RetentionOptions()), _time, _loggers.CreateLogger<RetentionWorker>());

        await worker.StartAsync(CancellationToken.None);
        await WaitingAsync(1);
        Assert.Equal((1, 1L), (control.Purges, status.Runs));
        Assert.Equal(new RetentionTotals(now, 1, 1, 0), await _inner.GetRetentionTotalsAsync(CancellationToken.None));

        control.Failing = true;
        _time.Advance(TimeSpan.FromHours(1));
        await WaitingAsync(2);
        Assert.Equal((2, 1L), (control.Purges, status.Failures));
        Assert.Contains(_logs.Entries, e => e.Id.Id == 7304 && e.Level == LogLevel.Error);

        control.Failing = false;
        _time.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(200);
        Assert.Equal(2, control.Purges); // not before the interval is over
        _time.Advance(TimeSpan.FromMinutes(1));
        await WaitingAsync(3);
        Assert.Equal(3, control.Purges);

        _time.Advance(TimeSpan.FromDays(1));
        await WaitingAsync(4);
        var totals = await _inner.GetRetentionTotalsAsync(CancellationToken.None);
        Assert.Equal((2L, 2L, _time.GetUtcNow()), (totals.Deleted, totals.DeletedUnrelayed, totals.LastRunAt!.Value));
        Assert.Empty((await _inner.PendingRelayAsync(10, 0, CancellationToken.None)));
        await worker.StopAsync(CancellationToken.None);
    }

    /// <summary>Until the worker has made its <paramref name="runs"/>th wait on the clock (one wait after each run).</summary>
    private Task WaitingAsync(int runs) => Eventually.TrueAsync(() => _time.Timers >= runs, Limit, $"the worker waiting after run {runs}");
}
