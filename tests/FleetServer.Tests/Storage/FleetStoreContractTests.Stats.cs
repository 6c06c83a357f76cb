using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tests.Storage;

public abstract partial class FleetStoreContractTests
{
    [Fact]
    public async Task GetStatsAsync_EmptyStore_ReturnsZeros()
    {
        var stats = await Store.GetStatsAsync(Ct);

        Assert.Equal((0, 0), (stats.Devices, stats.CheckIns));
        Assert.Empty(stats.PerDevice);
    }

    [Fact]
    public async Task GetStatsAsync_DevicesWithAndWithoutCheckIns_ListsEveryDeviceInOrdinalOrderWithLastSeq()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-b", "HN"), Ct);
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-a", "DN"), Ct);
        await Store.AddDeviceAsync(TestCheckIns.Device("KIOSK-C", "HCM"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-a", 10, 5), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-a", 1, 3), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("KIOSK-C", 0, 1), Ct);

        var stats = await Store.GetStatsAsync(Ct);

        Assert.Equal((3, 9), (stats.Devices, stats.CheckIns));
        DeviceStats[] expected =
        [
            new("KIOSK-C", "HCM", 1, 0),
            new("kiosk-a", "DN", 8, 14),
            new("kiosk-b", "HN", 0, 0),
        ];
        Assert.Equal(expected, stats.PerDevice);
    }

    [Fact]
    public async Task GetStatsAsync_CheckInsOfUnregisteredDevice_CountInTotalOnly()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 2), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("retired-kiosk", 1, 5), Ct);

        var stats = await Store.GetStatsAsync(Ct);

        Assert.Equal((1, 7), (stats.Devices, stats.CheckIns));
        Assert.Equal(new DeviceStats("kiosk-1", "HN", 2, 2), Assert.Single(stats.PerDevice));
    }

    [Fact]
    public async Task RecordPresenceAsync_LaterBootsWinAndEarlierOnesAreRefused()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        var at = Time.GetUtcNow();

        Assert.True(await Store.RecordPresenceAsync("kiosk-1", new DevicePresence("online", 3, at), Ct));
        Assert.True(await Store.RecordPresenceAsync("kiosk-1", new DevicePresence("lost", 3, at.AddMinutes(1)), Ct));
        Assert.True(await Store.RecordPresenceAsync("kiosk-1", new DevicePresence("online", 4, at.AddMinutes(2)), Ct));
        Assert.False(await Store.RecordPresenceAsync("kiosk-1", new DevicePresence("lost", 3, at.AddMinutes(3)), Ct));

        Assert.Equal(new DevicePresence("online", 4, at.AddMinutes(2)), Assert.Single((await Store.GetStatsAsync(Ct)).PerDevice).Presence);
    }
}
