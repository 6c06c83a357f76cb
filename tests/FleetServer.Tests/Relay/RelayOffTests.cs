using Microsoft.Extensions.DependencyInjection;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Tests.Storage;

namespace ScanPoint.FleetServer.Tests.Relay;

/// <summary>Without <c>Relay:Url</c> the server runs as before; check-ins wait in the outbox and are counted.</summary>
public sealed class RelayOffTests
{
    [Fact]
    public async Task Relay_UrlEmpty_IsOffAndStatsCountTheBacklog()
    {
        await using var fleet = await RunningFleet.StartAsync();
        await fleet.AddDeviceAsync("kiosk-1");
        await fleet.Services.GetRequiredService<IFleetStore>().StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 7), CancellationToken.None);

        var relay = (await fleet.StatsAsync()).GetProperty("relay");

        Assert.False(relay.GetProperty("enabled").GetBoolean());
        Assert.Equal(7, relay.GetProperty("pending").GetInt64());
        Assert.Equal(0, relay.GetProperty("batchesDelivered").GetInt64());
        Assert.Contains(fleet.Logs.Entries, e => e.Id.Id == 7002);
    }

    [Fact]
    public async Task Relay_UrlNotHttp_StopsStartUpNamingTheKey()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await (await RunningFleet.StartAsync("--Relay:Url=ftp://intake.example")).DisposeAsync());

        Assert.Contains("Relay:Url", error.Message, StringComparison.Ordinal);
    }
}
