using Xunit.Abstractions;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>The fleet server and several kiosks as real processes on loopback, disrupted while scans stream in.</summary>
public sealed class FleetEndToEndTests(ITestOutputHelper output)
{
    private const int LinesPerKiosk = 1000;
    private const int Chunk = 100;

    [Fact]
    public Task Fleet_ThreeKiosksThousandScansWithRestartsAndKills_StoresExactlyThreeThousand() =>
        Scenario.RunAsync(output, async run =>
        {
            var fleet = new FleetProcess(run);
            KioskProcess[] kiosks = [new(run, "kiosk-1"), new(run, "kiosk-2"), new(run, "kiosk-3")];
            for (var i = 0; i < kiosks.Length; i++)
            {
                await kiosks[i].ProvisionAsync(fleet, $"PR{i + 1}");
            }

            await fleet.StartAsync();
            await Task.WhenAll(kiosks.Select(k => k.StartAsync()));
            var victim = kiosks[0];
            for (var round = 1; round <= LinesPerKiosk / Chunk; round++)
            {
                foreach (var kiosk in kiosks)
                {
                    kiosk.Scans.Append(Chunk);
                }

                // The disruptions land while the chunk just appended is being scanned and delivered.
                switch (round)
                {
                    case 2 or 6:
                        await KillMidChunkAsync(run, victim, round);
                        await victim.StartAsync();
                        break;
                    case 4 or 8:
                        await KillFleetMidChunkAsync(run, fleet, kiosks, round);
                        await fleet.StartAsync();
                        break;
                }

                // Keep the stream going: half of this chunk delivered from every kiosk before the next one.
                var target = (round * Chunk) - (Chunk / 2);
                await run.WaitAsync(
                    $"every device's last stored seq to reach {target} (round {round})",
                    async () => await fleet.TryGetStatsAsync() is { } stats && kiosks.All(k => stats.Device(k.DeviceId)?.LastSeq >= target),
                    () => fleet.LastStatsJson);
            }

            run.Note($"all {kiosks.Sum(k => k.Scans.Written)} lines written");
            await Delivery.AssertEverythingDeliveredOnceAsync(run, fleet, kiosks);
        });

    /// <summary>kill -9 of the fleet server once it has stored part of the chunk just appended.</summary>
    private static async Task KillFleetMidChunkAsync(Scenario run, FleetProcess fleet, KioskProcess[] kiosks, int round)
    {
        var before = (round - 1) * Chunk * kiosks.Length;
        long stored = 0;
        await run.WaitAsync(
            $"the fleet to store a check-in of round {round}",
            async () => (stored = (await fleet.TryGetStatsAsync())?.CheckIns ?? 0) > before,
            () => fleet.LastStatsJson);
        await fleet.KillAsync();
        run.Note($"the fleet had stored {stored} of {kiosks.Sum(k => k.Scans.Written)} lines written just before kill -9");
    }

    /// <summary>kill -9 once the kiosk has recorded part of the chunk just appended.</summary>
    private static async Task KillMidChunkAsync(Scenario run, KioskProcess kiosk, int round)
    {
        var chunkStart = (round - 1) * Chunk;
        OutboxReport? last = null;
        await run.WaitAsync(
            $"{kiosk.DeviceId} to record a line of round {round}",
            async () => (last = await kiosk.GetOutboxAsync()).LastSeq > chunkStart,
            () => $"{last}");
        await kiosk.KillAsync();
        run.Note($"{kiosk.DeviceId} had recorded up to seq {last!.LastSeq} of {kiosk.Scans.Written} just before kill -9");
    }
}
