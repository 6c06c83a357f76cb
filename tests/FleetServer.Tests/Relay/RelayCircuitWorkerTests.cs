using ScanPoint.Contracts;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.NationalReceiver;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Relay;

/// <summary>The circuit breaker in the running relay against the reference receiver refusing every connection.</summary>
public sealed class RelayCircuitWorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private RunningReceiver _receiver = null!;
    private RunningFleet _fleet = null!;

    public async Task InitializeAsync()
    {
        _receiver = await RunningReceiver.StartAsync();
        _fleet = await RunningFleet.StartAsync(RelayFleet.Args(_receiver, "--Relay:CircuitFailures=3", "--Relay:CircuitOpenFor=00:00:08", "--Relay:MaxAttempts=1000"));
    }

    public async Task DisposeAsync()
    {
        await _fleet.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Circuit_OpensAfterThreeFailures_SendsNothingWhileOpen_IngestGoesOn_ProbeClosesIt()
    {
        await _receiver.SetFaultsAsync(new FaultOptions { Refuse = true });
        var stored = await _fleet.StoreAsync("kiosk-1", 1, 250);

        await Eventually.TrueAsync(async () => await _fleet.CircuitAsync() == "open", Limit, "the circuit to open");
        var open = await _fleet.RelayStatsAsync();
        Assert.True(open.GetProperty("circuit").GetProperty("consecutiveFailures").GetInt32() >= 3, open.ToString());
        Assert.Equal(System.Text.Json.JsonValueKind.String, JsonValueKindOf(open, "openedAt"));
        var refusedWhenOpened = await RefusedAsync();

        // Open: ingest over MQTT still stores and acknowledges, and no request reaches the receiver.
        var credential = await _fleet.AddDeviceAsync("kiosk-2");
        using (var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, credential))
        {
            await device.SubscribeAsync(Topics.Ack("HN", "kiosk-2"));
            var batch = new CheckInsRecorded(CheckInsRecorded.SchemaVersion, "kiosk-2", [.. Enumerable.Range(1, 20).Select(i => new CheckInRecorded(
                Ulid.NewUlid().ToString(), i, "kiosk-2", "site-1", DateTimeOffset.UtcNow, CodeFormats.Dcc, VerdictCodes.Unverified, $"hash-{i}"))]);
            Assert.True((await device.PublishAsync(Topics.CheckIns("HN", "kiosk-2"), WireJson.Encode(batch))).IsSuccess);
            await Eventually.TrueAsync(() => !device.Received.IsEmpty, Limit, "the ack while the circuit is open");
        }

        Assert.Equal(270, await _fleet.CheckInsAsync());
        Assert.Equal(270, await _fleet.RelayAsync("pending"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal("open", await _fleet.CircuitAsync());
        Assert.Equal(refusedWhenOpened, await RefusedAsync());

        // Still refusing when the open time is over: one probe (HttpClient may retry a reset connection once), and
        // the circuit opens again: nothing more for the next seconds.
        await Eventually.TrueAsync(async () => await RefusedAsync() > refusedWhenOpened, Limit, "the half-open probe");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var afterProbe = await RefusedAsync();
        Assert.InRange(afterProbe - refusedWhenOpened, 1, 2);
        Assert.Equal("open", await _fleet.CircuitAsync());
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(afterProbe, await RefusedAsync());

        // The receiver back: the next probe succeeds, the circuit closes, everything is delivered once.
        await _receiver.SetFaultsAsync(new FaultOptions());
        await Eventually.TrueAsync(async () => await _fleet.RelayAsync("pending") == 0, Limit, "everything relayed after the circuit closed");
        Assert.Equal("closed", await _fleet.CircuitAsync());
        Assert.Equal(270, await _receiver.HeldAsync());
        Assert.Equal(0, (await _receiver.StatsAsync()).GetProperty("duplicates").GetInt64());
        var transitions = _fleet.Logs.Entries.Where(e => e.Id.Id == 7009).Select(e => e.Message).ToList();
        Assert.Contains(transitions, m => m.Contains("Closed -> Open", StringComparison.Ordinal));
        Assert.Contains(transitions, m => m.Contains("HalfOpen -> Open", StringComparison.Ordinal));
        Assert.Contains(transitions, m => m.Contains("HalfOpen -> Closed", StringComparison.Ordinal));
        Assert.NotEmpty(stored);
    }

    private static System.Text.Json.JsonValueKind JsonValueKindOf(System.Text.Json.JsonElement relay, string name) =>
        relay.GetProperty("circuit").GetProperty(name).ValueKind;

    private async Task<long> RefusedAsync() =>
        (await _receiver.StatsAsync()).GetProperty("faults").GetProperty("refusedConnections").GetInt64();
}
