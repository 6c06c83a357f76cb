using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// Relay exactly once under faults, with real processes: kiosks → MQTT → fleet server → relay → the reference
/// receiver, which answers 10% of requests with 500 (half of them after storing) and 10% too late for the fleet's
/// 1 s timeout, is killed -9 and restarted, is unreachable for 60 s
/// while ingest goes on, and the fleet server is killed -9 while it relays. In the end the receiver holds exactly the
/// set of check-ins the fleet stored: none missing, none twice; the duplicates it was sent are counted. The fleet
/// stores in SQLite; with SCANPOINT_LONG_TESTS=1 the scenario also runs on PostgreSQL.
/// </summary>
public sealed class RelayEndToEndTests(ITestOutputHelper output)
{
    private const int Chunk = 150;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    private static readonly bool Long = Environment.GetEnvironmentVariable("SCANPOINT_LONG_TESTS") == "1";

    public static TheoryData<string> Stores => Long ? new TheoryData<string> { "sqlite", "postgres" } : new TheoryData<string> { "sqlite" };

    [Theory]
    [MemberData(nameof(Stores))]
    public Task Relay_ReceiverFaultyKilledAndUnreachableAndFleetKilled_ReceiverHoldsExactlyTheStoredSet(string store) =>
        Scenario.RunAsync(output, async run =>
        {
            await using var database = await RelayFleetStore.CreateAsync(store);
            var receiver = new ReceiverProcess(run, "--Faults:FailPercent=10", "--Faults:SlowPercent=10", "--Faults:SlowDelay=00:00:03");
            var fleet = new FleetProcess(run)
            {
                Settings =
                [
                    $"--Relay:Url={receiver.Url}", "--Relay:BatchSize=50", "--Relay:MaxInFlight=4", "--Relay:Timeout=00:00:01",
                    "--Relay:MinBackoff=00:00:00.100", "--Relay:MaxBackoff=00:00:01", "--Relay:PollInterval=00:00:00.100",
                    "--Relay:CircuitOpenFor=00:00:02", "--Relay:MaxAttempts=100000", // retried for as long as it takes
                    .. database.Settings,
                ],
            };
            KioskProcess[] kiosks = [new(run, "kiosk-1"), new(run, "kiosk-2")];
            await ProvisionAsync(run, fleet, database, kiosks[0], "HN");
            await ProvisionAsync(run, fleet, database, kiosks[1], "HCM");
            await receiver.StartAsync();
            await fleet.StartAsync();
            await Task.WhenAll(kiosks.Select(k => k.StartAsync()));

            // 1. The receiver killed -9 while it receives, then restarted.
            Append(kiosks);
            await run.WaitAsync("the receiver to hold some check-ins", async () => await receiver.HeldAsync() > 0, () => receiver.LastStatsJson);
            await receiver.KillAsync();
            var failed = await RelayAsync(fleet, "failedAttempts");
            await run.WaitAsync("the fleet to fail to reach the killed receiver", async () => await RelayAsync(fleet, "failedAttempts") > failed, () => fleet.LastStatsJson);
            await receiver.StartAsync();

            // 2. The fleet server killed -9 while it relays: every answer comes too late for it, so the receiver
            //    stores batches the fleet still holds as unrelayed; then restarted, it sends them again.
            await receiver.SetFaultsAsync("""{"slowPercent":100,"slowDelay":"00:00:03"}""");
            var held = await receiver.HeldAsync();
            Append(kiosks);
            await run.WaitAsync(
                "the receiver to store batches the fleet has not seen answered",
                async () => (await receiver.HeldAsync(), await RelayAsync(fleet, "pending")) is var (now, pending) && now > held && pending > 0,
                () => $"{fleet.LastStatsJson} / {receiver.LastStatsJson}");
            await fleet.KillAsync();
            await receiver.SetFaultsAsync("""{"failPercent":10,"slowPercent":10,"slowDelay":"00:00:03"}""");
            await fleet.StartAsync();

            // 3. The receiver unreachable for a period while check-ins keep coming in.
            await receiver.KillAsync();
            var outage = Stopwatch.StartNew();
            Append(kiosks);
            failed = await RelayAsync(fleet, "failedAttempts");
            await run.WaitAsync(
                $"{Outage.TotalSeconds:N0} s of outage, the fleet storing what the kiosks send and failing to relay it",
                async () => outage.Elapsed >= Outage && await StoredAsync(fleet) == kiosks.Sum(k => k.Scans.Written) && await RelayAsync(fleet, "failedAttempts") > failed,
                () => fleet.LastStatsJson);
            run.Note($"outage over after {outage.Elapsed.TotalSeconds:N1} s; relay backlog {await RelayAsync(fleet, "pending")}");
            await receiver.StartAsync();

            // 4. Everything stored once by the fleet, then relayed: the receiver holds exactly the stored set.
            var total = kiosks.Sum(k => k.Scans.Written);
            if (database.IsPostgres)
            {
                await run.WaitAsync($"the fleet to store {total}", async () => await StoredAsync(fleet) == total, () => fleet.LastStatsJson);
            }
            else
            {
                await Delivery.AssertEverythingDeliveredOnceAsync(run, fleet, kiosks);
            }

            await run.WaitAsync(
                $"the relay outbox to empty and the receiver to hold {total}",
                async () => await RelayAsync(fleet, "pending") == 0 && await receiver.HeldAsync() == total,
                () => $"{fleet.LastStatsJson} / {receiver.LastStatsJson}");

            var stored = await database.StoredAsync(fleet.DatabasePath);
            var holds = receiver.HeldCheckIns();
            Assert.Equal(total, stored.Count);
            Assert.Equal(stored.Order(), holds.Select(h => (h.Id, h.DeviceId, h.Seq, h.PayloadHash)).Order());
            Assert.Equal(0, await RelayAsync(fleet, "deadLetters"));
            var stats = (await receiver.TryGetStatsAsync())!.Value;
            var duplicates = stats.GetProperty("duplicates").GetInt64();
            Assert.Equal(holds.Sum(h => h.Deliveries) - total, duplicates);
            run.Note($"receiver holds {holds.Count} = the fleet's {stored.Count}, each once; it was sent {duplicates} duplicates (absorbed); faults: {stats.GetProperty("faults")}");
        });

    private static void Append(KioskProcess[] kiosks)
    {
        foreach (var kiosk in kiosks)
        {
            kiosk.Scans.Append(Chunk);
        }
    }

    private static async Task<long> RelayAsync(FleetProcess fleet, string counter) =>
        await TryStatsAsync(fleet) is { } stats ? stats.GetProperty("relay").GetProperty(counter).GetInt64() : -1;

    private static async Task<long> StoredAsync(FleetProcess fleet) =>
        await TryStatsAsync(fleet) is { } stats ? stats.GetProperty("checkIns").GetInt64() : -1;

    private static async Task<JsonElement?> TryStatsAsync(FleetProcess fleet)
    {
        if (await fleet.TryGetStatsAsync() is null)
        {
            return null;
        }

        return JsonSerializer.Deserialize<JsonElement>(fleet.LastStatsJson);
    }

    /// <summary>Registers the device in the fleet's store (<c>devices add</c>) and provisions the kiosk with its credential.</summary>
    private static async Task ProvisionAsync(Scenario run, FleetProcess fleet, RelayFleetStore database, KioskProcess kiosk, string province)
    {
        if (!database.IsPostgres)
        {
            await kiosk.ProvisionAsync(fleet, province);
            return;
        }

        var credential = (await run.RunCommandAsync(Programs.FleetServer, ["devices", "add", "--id", kiosk.DeviceId, "--province", province, .. database.Settings]))
            .EnsureSuccess().LastLine;
        (await run.RunCommandAsync(Programs.Kiosk, ["provision", "--fleet", fleet.MqttAddress, "--credential", credential, "--data-dir", kiosk.DataDir])).EnsureSuccess();
    }
}
