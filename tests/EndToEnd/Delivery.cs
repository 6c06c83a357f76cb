namespace ScanPoint.EndToEnd.Tests;

/// <summary>The end state every scenario must reach: each line written stored once by the fleet, each outbox empty.</summary>
internal static class Delivery
{
    /// <summary>
    /// Waits until the fleet stores exactly what was written (in total and per device, checkIns and lastSeq) and every
    /// kiosk's outbox has nothing pending and counts every recorded check-in as acknowledged; then checks the rows.
    /// </summary>
    public static async Task AssertEverythingDeliveredOnceAsync(Scenario scenario, FleetProcess fleet, IReadOnlyList<KioskProcess> kiosks)
    {
        var total = kiosks.Sum(k => k.Scans.Written);
        await scenario.WaitAsync(
            $"the fleet to store {total} check-ins, {string.Join(", ", kiosks.Select(k => $"{k.Scans.Written} with last seq {k.Scans.Written} from {k.DeviceId}"))}",
            async () => await fleet.TryGetStatsAsync() is { } stats
                && stats.CheckIns == total
                && kiosks.All(k => stats.Device(k.DeviceId) is { } d && d.CheckIns == k.Scans.Written && d.LastSeq == k.Scans.Written),
            () => fleet.LastStatsJson);
        scenario.Note($"fleet stores {total} check-ins");

        foreach (var kiosk in kiosks)
        {
            OutboxReport? last = null;
            await scenario.WaitAsync(
                $"{kiosk.DeviceId}'s outbox to have nothing pending and {kiosk.Scans.Written} acknowledged",
                async () => (last = await kiosk.GetOutboxAsync()) is { Pending: 0 } outbox
                    && outbox.Acknowledged == kiosk.Scans.Written
                    && outbox.LastSeq == kiosk.Scans.Written,
                () => $"{last}");
        }

        var stats = await fleet.GetStatsAsync();
        Assert.Equal(total, stats.CheckIns);
        foreach (var kiosk in kiosks)
        {
            AssertStoredInOrder(fleet, kiosk);
        }

        Assert.Equal(total, FleetDatabase.DistinctPayloadHashes(fleet.DatabasePath));
        scenario.Note($"outboxes empty; {total} distinct payload hashes stored, each line once and in order");
    }

    /// <summary>Rows of the device are seq 1..N and row n carries the hash of line n: nothing lost, repeated or reordered.</summary>
    private static void AssertStoredInOrder(FleetProcess fleet, KioskProcess kiosk)
    {
        var rows = FleetDatabase.CheckIns(fleet.DatabasePath, kiosk.DeviceId);
        Assert.Equal(Enumerable.Range(1, kiosk.Scans.Written).Select(n => (long)n), rows.Select(r => r.Seq));
        Assert.Equal(kiosk.Scans.ExpectedPayloadHashes(), rows.Select(r => r.PayloadHash));
    }
}
