using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tests.Storage;

public abstract partial class FleetStoreContractTests
{
    [Fact]
    public async Task ListDeviceHealthAsync_JoinsPresenceLastHeartbeatAndLatestScan()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-h1", "HN"), Ct);
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-h2", "DN"), Ct);
        var now = Time.GetUtcNow();
        await Store.RecordPresenceAsync("kiosk-h1", new DevicePresence("online", 2, now), Ct);
        var first = Beat(now, pending: 4);
        var second = Beat(now.AddMinutes(1), pending: 1);
        await Store.RecordHeartbeatAsync("kiosk-h1", first, now, Ct);
        await Store.RecordHeartbeatAsync("kiosk-h1", second, now.AddMinutes(1), Ct);
        var batch = TestCheckIns.Range("kiosk-h1", 1, 3);
        await Store.StoreCheckInsAsync(batch, Ct);

        var rows = await Store.ListDeviceHealthAsync(Ct);

        Assert.Equal(["kiosk-h1", "kiosk-h2"], rows.Select(r => r.DeviceId));
        var h1 = rows[0];
        Assert.Equal(("HN", new DevicePresence("online", 2, now), now.AddMinutes(1)), (h1.Province, h1.Presence, h1.LastHeartbeatAt));
        Assert.Equal(second, h1.LastHeartbeat);
        Assert.Equal((3L, batch.Max(c => c.At)), (h1.CheckIns, h1.LastCheckInAt!.Value));
        Assert.NotNull(h1.PresenceReceivedAt);
        var h2 = rows[1];
        Assert.Equal((null, null, null, 0L), (h2.Presence, h2.LastHeartbeat, h2.LastCheckInAt, h2.CheckIns));
    }

    [Fact]
    public async Task HeartbeatsAsync_ReturnsTheHistoryInOrderWithinTheWindowAndLimit()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-hb"), Ct);
        var start = Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await Store.RecordHeartbeatAsync("kiosk-hb", Beat(start.AddMinutes(i), pending: i), start.AddMinutes(i), Ct);
        }

        var window = await Store.HeartbeatsAsync("kiosk-hb", start.AddMinutes(2), 10, Ct);
        var limited = await Store.HeartbeatsAsync("kiosk-hb", start, 2, Ct);

        Assert.Equal([2L, 3, 4], window.Select(h => h.Heartbeat.OutboxPending));
        Assert.Equal(start.AddMinutes(2), window[0].ReceivedAt);
        Assert.Equal([0L, 1], limited.Select(h => h.Heartbeat.OutboxPending));
        Assert.Empty(await Store.HeartbeatsAsync("nobody", start, 10, Ct));
    }

    [Fact]
    public async Task ScansPerDayAsync_CountsScansPerLocalDay()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-d"), Ct);
        var day = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        var checkIns = TestCheckIns.Range("kiosk-d", 1, 5);
        // 16:59 and 17:00 UTC fall on two different days at +07:00; 23:00 UTC is the next local day too
        var times = new[] { day.AddHours(3), day.AddHours(16).AddMinutes(59), day.AddHours(17), day.AddHours(23), day.AddDays(2).AddHours(1) };
        await Store.StoreCheckInsAsync([.. checkIns.Select((c, i) => c with { At = times[i] })], Ct);

        var perDay = await Store.ScansPerDayAsync("kiosk-d", day, TimeSpan.FromHours(7), Ct);
        var sinceLater = await Store.ScansPerDayAsync("kiosk-d", day.AddDays(1), TimeSpan.FromHours(7), Ct);

        Assert.Equal([new DailyScans(new DateOnly(2026, 11, 20), 2), new DailyScans(new DateOnly(2026, 11, 21), 2), new DailyScans(new DateOnly(2026, 11, 22), 1)], perDay);
        Assert.Equal([new DailyScans(new DateOnly(2026, 11, 22), 1)], sinceLater);
    }

    private static HeartbeatReported Beat(DateTimeOffset at, long pending) =>
        new(HeartbeatReported.SchemaVersion, 2, at, 120, 48.5, 1000, 2000, 500, 300, pending, 12.5, 9, 3600, 0.4, 7, 1);
}
