using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Tests.Storage;
using ScanPoint.NationalReceiver;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Relay;

/// <summary>The fleet server and the reference receiver in this process, on loopback: the relay worker end to end.</summary>
public sealed class RelayWorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private RunningReceiver? _receiver;
    private RunningFleet? _fleet;

    private RunningReceiver Receiver => _receiver!;

    private RunningFleet Fleet => _fleet!;

    public async Task InitializeAsync()
    {
        _receiver = await RunningReceiver.StartAsync();
        _fleet = await RunningFleet.StartAsync(
            $"--Relay:Url={Receiver.Url}", "--Relay:BatchSize=200", "--Relay:Timeout=00:00:02", "--Relay:MinBackoff=00:00:00.050",
            "--Relay:MaxBackoff=00:00:00.500", "--Relay:PollInterval=00:00:00.050",
            "--Relay:CircuitOpenFor=00:00:00.500");
    }

    public async Task DisposeAsync()
    {
        await Fleet.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    [Fact]
    public async Task Relay_ReceiverUp_DeliversEveryStoredCheckInOnce()
    {
        var stored = await StoreAsync("kiosk-1", 1, 1500);

        await Eventually.TrueAsync(async () => await RelayAsync("pending") == 0 && await Receiver.HeldAsync() == 1500, Limit, "1500 relayed");

        await AssertReceiverHoldsExactlyAsync(stored);
        Assert.Equal(0, (await Receiver.StatsAsync()).GetProperty("duplicates").GetInt64());
        Assert.Equal(1500, await RelayAsync("accepted"));
    }

    [Fact]
    public async Task Relay_ItemRefusedForGood_GoesToDeadLettersAndTheRestIsDelivered()
    {
        var stored = await StoreAsync("kiosk-1", 1, 10);
        var bad = TestCheckIns.One("kiosk-1", 11); // its id is not a ULID
        await Fleet.Services.GetRequiredService<IFleetStore>().StoreCheckInsAsync([bad], CancellationToken.None);

        await Eventually.TrueAsync(async () => await RelayAsync("pending") == 0, Limit, "the outbox to empty");

        await AssertReceiverHoldsExactlyAsync(stored);
        Assert.Equal(1, await RelayAsync("deadLetters"));
        var dead = Assert.Single(await Fleet.Services.GetRequiredService<IFleetStore>().DeadLettersAsync(10, null, CancellationToken.None));
        Assert.Equal(("kiosk-1", 11L, "ID"), (dead.DeviceId, dead.Seq, dead.Code));
    }

    [Fact]
    public async Task Relay_ReceiverRefusingThenFailingHalfAndSlow_RetriesUntilEachIsHeldOnce()
    {
        await Receiver.SetFaultsAsync(new FaultOptions { Refuse = true });
        var stored = await StoreAsync("kiosk-1", 1, 1000);
        await Eventually.TrueAsync(async () => await RelayAsync("failedAttempts") >= 3, Limit, "three refused attempts");
        Assert.Equal(0, await Receiver.HeldAsync());

        await Receiver.SetFaultsAsync(new FaultOptions { FailPercent = 40, SlowPercent = 20, SlowDelay = TimeSpan.FromSeconds(3) });
        stored = [.. stored, .. await StoreAsync("kiosk-2", 1, 1000)];
        await Eventually.TrueAsync(async () => await RelayAsync("pending") == 0, Limit, "the outbox to empty under faults");

        await AssertReceiverHoldsExactlyAsync(stored);
        var faults = (await Receiver.StatsAsync()).GetProperty("faults");
        Assert.True(faults.GetProperty("injectedFailures").GetInt64() + faults.GetProperty("injectedSlow").GetInt64() > 0, faults.ToString());
    }

    private async Task<List<CheckInRecorded>> StoreAsync(string deviceId, long firstSeq, int count)
    {
        await Fleet.AddDeviceAsync(deviceId);
        var checkIns = TestCheckIns.Range(deviceId, firstSeq, count).Select(c => c with { Id = Ulid.NewUlid().ToString() }).ToList();
        await Fleet.Services.GetRequiredService<IFleetStore>().StoreCheckInsAsync(checkIns, CancellationToken.None);
        return checkIns;
    }

    private async Task<long> RelayAsync(string counter) => (await Fleet.StatsAsync()).GetProperty("relay").GetProperty(counter).GetInt64();

    private async Task AssertReceiverHoldsExactlyAsync(IEnumerable<CheckInRecorded> stored)
    {
        var held = await Receiver.HeldCheckInsAsync();
        Assert.Equal(stored.Select(c => (c.Id, c.DeviceId, c.Seq, c.PayloadHash)).Order(), held.Select(h => (h.Id, h.DeviceId, h.Seq, h.PayloadHash)).Order());
    }
}
