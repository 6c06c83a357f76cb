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

    private static HeartbeatReported Beat(DateTimeOffset at, long pending) =>
        new(HeartbeatReported.SchemaVersion, 2, at, 120, 48.5, 1000, 2000, 500, 300, pending, 12.5, 9, 3600, 0.4, 7, 1);
}
