using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// Relay exactly once under faults, with real processes: kiosks → MQTT → fleet server (SQLite) → relay → the reference
/// receiver, which answers 10% of requests with 500 (half of them after storing) and 10% too late for the fleet's
/// 1 s timeout, is killed -9 and restarted, is unreachable for a period (15 s; 60 s with SCANPOINT_LONG_TESTS=1)
/// while ingest goes on, and the fleet server is killed -9 while it relays. In the end the receiver holds exactly the
/// set of check-ins the fleet stored: none missing, none twice; the duplicates it was sent are counted.
/// </summary>
public sealed class RelayEndToEndTests(ITestOutputHelper output)
{
    private const int Chunk = 150;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(Environment.GetEnvironmentVariable("SCANPOINT_LONG_TESTS") == "1" ? 60 : 15);

    [Fact]
    public Task Relay_ReceiverFaultyKilledAndUnreachableAndFleetKilled_ReceiverHoldsExactlyTheStoredSet() =>
        Scenario.RunAsync(output, async run =>
        {
            var receiver = new ReceiverProcess(run, "--Faults:FailPercent=10", "--Faults:SlowPercent=10", "--Faults:SlowDelay=00:00:03");
            var fleet = new FleetProcess(run)
            {
                Settings =
                [
                    $"--Relay:Url={receiver.Url}", "--Relay:BatchSize=50", "--Relay:MaxInFlight=4", "--Relay:Timeout=00:00:01",
                    "--Relay:MinBackoff=00:00:00.100", "--Relay:MaxBackoff=00:00:01", "--Relay:PollInterval=00:00:00.100",
                ],
            };
            KioskProcess[] kiosks = [new(run, "kiosk-1"), new(run, "kiosk-2")];
            await kiosks[0].ProvisionAsync(fleet, "HN");
            await kiosks[1].ProvisionAsync(fleet, "HCM");
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

            // 2. The fleet server killed -9 while it relays (stored, not yet all relayed), then restarted.
            Append(kiosks);
            var held = await receiver.HeldAsync();
            await run.WaitAsync(
                "the fleet to relay with a backlog",
                async () => await receiver.HeldAsync() > held && await RelayAsync(fleet, "pending") > 0,
                () => fleet.LastStatsJson);
            await fleet.KillAsync();
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
            await Delivery.AssertEverythingDeliveredOnceAsync(run, fleet, kiosks);
            var total = kiosks.Sum(k => k.Scans.Written);
            await run.WaitAsync(
                $"the relay outbox to empty and the receiver to hold {total}",
                async () => await RelayAsync(fleet, "pending") == 0 && await receiver.HeldAsync() == total,
                () => $"{fleet.LastStatsJson} / {receiver.LastStatsJson}");

            var stored = StoredCheckIns(fleet.DatabasePath);
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

    /// <summary>The fleet's stored check-ins as (id, device, seq, payload hash), read from its SQLite file.</summary>
    private static List<(string Id, string DeviceId, long Seq, string PayloadHash)> StoredCheckIns(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(connectionString.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, device_id, seq, payload_hash FROM check_ins";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, long, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return rows;
    }
}
