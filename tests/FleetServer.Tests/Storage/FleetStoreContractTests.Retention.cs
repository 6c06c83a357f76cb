using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tests.Storage;

/// <summary>Retention: check-ins past the window leave check_ins, the relay outbox and the dead letters for real.</summary>
public abstract partial class FleetStoreContractTests
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(28);

    /// <summary>A single number from raw SQL against the store's own storage (bypassing the store).</summary>
    protected abstract Task<long> CountRawAsync(string sql);

    [Fact]
    public async Task PurgeAsync_JustInsideTheWindowStays_JustOutsideIsGoneFromEveryTable()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        var now = Time.GetUtcNow();
        var recent = TestCheckIns.One("kiosk-1", 1) with { At = now - TimeSpan.FromDays(27) - TimeSpan.FromHours(23) };
        var relayedOld = TestCheckIns.One("kiosk-1", 2) with { At = now - TimeSpan.FromDays(28) - TimeSpan.FromHours(1) };
        var pendingOld = TestCheckIns.One("kiosk-1", 3) with { At = now - TimeSpan.FromDays(28) - TimeSpan.FromHours(1) };
        var deadOld = TestCheckIns.One("kiosk-1", 4) with { At = now - TimeSpan.FromDays(40) };
        await Store.StoreCheckInsAsync([recent, relayedOld, pendingOld, deadOld], Ct);
        var pending = await Store.PendingRelayAsync(10, 0, Ct);
        await Store.CompleteRelayAsync([pending[1].OutboxId], [new RelayRejected(pending[3].OutboxId, "ID", "refused")], now, Ct);
        Time.Advance(TimeSpan.FromMinutes(1));

        var purge = await Store.PurgeAsync(now - Window, Time.GetUtcNow(), 2, Ct);

        Assert.Equal(new RetentionPurge(3, 2, 0), purge);
        Assert.Equal([1L], (await ReadCheckInsAsync("kiosk-1")).Select(c => c.CheckIn.Seq));
        Assert.Equal(1, await CountRawAsync("SELECT count(*) FROM check_ins"));
        Assert.Equal(0, await CountRawAsync("SELECT count(*) FROM check_ins WHERE seq IN (2, 3, 4)"));
        Assert.Equal(0, await CountRawAsync("SELECT count(*) FROM relay_outbox WHERE seq IN (2, 3, 4)"));
        Assert.Equal(1, await CountRawAsync("SELECT count(*) FROM relay_outbox"));
        Assert.Equal(0, await CountRawAsync("SELECT count(*) FROM relay_dead_letters"));
        Assert.Equal(new RetentionTotals(Time.GetUtcNow(), 3, 2, 0), await Store.GetRetentionTotalsAsync(Ct));
        var stats = await Store.GetStatsAsync(Ct);
        Assert.Equal(4, stats.CheckIns); // per-device counters stay
    }

    [Fact]
    public async Task PurgeAsync_ManyBatchesAndAgain_CountsAddUpAndHeartbeatsGo()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-2"), Ct);
        var now = Time.GetUtcNow();
        var old = now - TimeSpan.FromDays(30);
        await Store.StoreCheckInsAsync([.. TestCheckIns.Range("kiosk-1", 1, 250).Select(c => c with { At = old })], Ct);
        await Store.StoreCheckInsAsync([.. TestCheckIns.Range("kiosk-2", 1, 120).Select(c => c with { At = c.Seq % 2 == 0 ? old : now })], Ct);
        await ExecuteRawAsync(HeartbeatSql("kiosk-1", now - TimeSpan.FromDays(29)) + ";" + HeartbeatSql("kiosk-1", now - TimeSpan.FromDays(1)));

        var first = await Store.PurgeAsync(now - Window, now, 100, Ct);
        var second = await Store.PurgeAsync(now - Window, now, 100, Ct);

        Assert.Equal(new RetentionPurge(310, 310, 1), first);
        Assert.Equal(new RetentionPurge(0, 0, 0), second);
        Assert.Equal(60, await CountRawAsync("SELECT count(*) FROM check_ins"));
        Assert.Equal(60, await CountRawAsync("SELECT count(*) FROM relay_outbox"));
        Assert.Equal(1, await CountRawAsync("SELECT count(*) FROM heartbeats"));
        Assert.Equal(new RetentionTotals(now, 310, 310, 1), await Store.GetRetentionTotalsAsync(Ct));
    }

    [Fact]
    public async Task GetRetentionTotalsAsync_NeverRun_IsZero()
    {
        Assert.Equal(new RetentionTotals(null, 0, 0, 0), await Store.GetRetentionTotalsAsync(Ct));
    }

    private static string HeartbeatSql(string deviceId, DateTimeOffset at) =>
        $"INSERT INTO heartbeats (device_id, received_at, payload) VALUES ('{deviceId}', '{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffffZ}', '{{}}')";
}
