using Xunit.Abstractions;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// External-broker mode with real processes: a dedicated Mosquitto (deploy/mosquitto configuration, certificates from
/// the fleet CA), two fleet-server replicas sharing one database and one shared subscription, enrolled kiosks over
/// mutual TLS; kill -9 of a kiosk, of a replica and of the broker while scans stream in.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ExternalBrokerEndToEndTests(ITestOutputHelper output)
{
    private const int Chunk = 100;
    private const int Rounds = 6;

    [Fact]
    public Task TwoReplicas_ThreeKiosksWithKillsOfKioskReplicaAndBroker_StoreEachCheckInOnce() =>
        Scenario.RunAsync(output, async run =>
        {
            var broker = await ExternalBroker.StartAsync(run);
            var first = new FleetProcess(run, broker, name: "fleet-a");
            var second = new FleetProcess(run, replicaOf: first, name: "fleet-b");
            await first.StartAsync();
            await second.StartAsync();
            KioskProcess[] kiosks = [new(run, "kiosk-1"), new(run, "kiosk-2"), new(run, "kiosk-3")];
            for (var i = 0; i < kiosks.Length; i++)
            {
                await kiosks[i].EnrolAsync(await first.EnrollAsync($"PR{i + 1}", $"gate-{i + 1}"));
                await kiosks[i].StartAsync();
            }

            for (var round = 1; round <= Rounds; round++)
            {
                foreach (var kiosk in kiosks)
                {
                    kiosk.Scans.Append(Chunk);
                }

                switch (round)
                {
                    case 2:
                        await kiosks[0].KillAsync();
                        await kiosks[0].StartAsync();
                        break;
                    case 3:
                        await second.KillAsync(); // its share waits in its session, and kiosks resend what was not acked
                        await second.StartAsync();
                        break;
                    case 4:
                        await broker.KillAsync();
                        await broker.StartAsync();
                        break;
                }

                var target = (round * Chunk) - (Chunk / 2);
                await run.WaitAsync(
                    $"every device's last stored seq to reach {target} (round {round})",
                    async () => await first.TryGetStatsAsync() is { } stats && kiosks.All(k => stats.Device(k.DeviceId)?.LastSeq >= target),
                    () => first.LastStatsJson);
            }

            await Delivery.AssertEverythingDeliveredOnceAsync(run, first, kiosks);
            await run.WaitAsync(
                "every kiosk online in the fleet (boot 2 for the one killed, 1 for the others)",
                async () => await first.TryGetStatsAsync() is { } stats
                    && kiosks.All(k => stats.Device(k.DeviceId)?.Presence is { State: "online" } p && p.Boot == (k == kiosks[0] ? 2 : 1)),
                () => first.LastStatsJson);
            var a = await first.GetJsonAsync("/api/external-broker");
            var b = await second.GetJsonAsync("/api/external-broker");
            run.Note($"replica a: {a}; replica b: {b}");
            Assert.True(a.GetProperty("received").GetInt64() > 0 && b.GetProperty("received").GetInt64() > 0, "both replicas consumed a share");
        });
}
