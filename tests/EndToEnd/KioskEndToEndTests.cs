using Xunit.Abstractions;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>One kiosk and the fleet server as real processes on loopback: fleet outage and kiosk kill -9.</summary>
public sealed class KioskEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public Task Kiosk_BrokerDownDuringBurst_DeliversEverythingAfterItComesBack() =>
        Scenario.RunAsync(output, async run =>
        {
            const int Burst = 300;
            var fleet = new FleetProcess(run); // registered in its database, but not running yet
            var kiosk = new KioskProcess(run, "kiosk-1");
            await kiosk.ProvisionAsync(fleet, "PR1");
            await kiosk.StartAsync();

            kiosk.Scans.Append(Burst);
            OutboxReport? last = null;
            await run.WaitAsync(
                $"the outbox to hold all {Burst} check-ins while the fleet is down",
                async () => (last = await kiosk.GetOutboxAsync()) is { Pending: Burst, LastSeq: Burst, Acknowledged: 0 },
                () => $"{last}");
            run.Note($"outbox holds {last}");
            Assert.Null(await fleet.TryGetStatsAsync());

            await fleet.StartAsync();
            await Delivery.AssertEverythingDeliveredOnceAsync(run, fleet, [kiosk]);
        });

    [Fact]
    public Task Kiosk_KilledWhileLinesAreAppended_ResumesAndDeliversEachLineOnce() =>
        Scenario.RunAsync(output, async run =>
        {
            const int KillAt = 150;
            const int CatchUp = 100;
            var fleet = new FleetProcess(run);
            var kiosk = new KioskProcess(run, "kiosk-1");
            await kiosk.ProvisionAsync(fleet, "PR1");
            await fleet.StartAsync();
            await kiosk.StartAsync();

            // Lines keep coming (about 200 a second) through the kill, the downtime and the restart.
            using var stopFeed = new CancellationTokenSource(Scenario.WaitLimit);
            var feed = kiosk.Scans.AppendPacedAsync(TimeSpan.FromMilliseconds(5), max: 20_000, stopFeed.Token);
            OutboxReport? last = null;
            await run.WaitAsync(
                $"the kiosk to record {KillAt} lines",
                async () => (last = await kiosk.GetOutboxAsync()).LastSeq >= KillAt,
                () => $"{last}");
            await kiosk.KillAsync();
            Assert.False(feed.IsCompleted, "the kill must land while lines are being appended");

            // With no kiosk running, `kiosk outbox` opens the outbox file itself: it must open after kill -9 and add up.
            var afterKill = await kiosk.GetOutboxAsync();
            var writtenAfterKill = kiosk.Scans.Written;
            run.Note($"after kill -9: {afterKill}, {writtenAfterKill} lines written");
            Assert.Equal("outbox file", afterKill.Source);
            Assert.InRange(afterKill.LastSeq, KillAt, writtenAfterKill);
            Assert.Equal(afterKill.LastSeq, afterKill.Pending + afterKill.Acknowledged);

            await kiosk.StartAsync();
            await run.WaitAsync(
                $"the restarted kiosk to record past line {writtenAfterKill + CatchUp}",
                async () => (last = await kiosk.GetOutboxAsync()).LastSeq >= writtenAfterKill + CatchUp,
                () => $"{last}");
            await stopFeed.CancelAsync();
            await feed;
            run.Note($"all {kiosk.Scans.Written} lines written");
            await Delivery.AssertEverythingDeliveredOnceAsync(run, fleet, [kiosk]);
        });
}
