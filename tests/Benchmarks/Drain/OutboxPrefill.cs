using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ScanPoint.Contracts.Devices;
using ScanPoint.Kiosk.Outbox;

namespace ScanPoint.Benchmarks.Drain;

/// <summary>Queues check-ins in a kiosk's outbox file through the product's outbox, many callers at once (groups of 256).</summary>
internal static class OutboxPrefill
{
    private const int Wave = 8192;

    /// <summary>Records <paramref name="count"/> check-ins in <paramref name="dataDir"/>, closes the outbox, returns the time taken.</summary>
    public static async Task<TimeSpan> FillAsync(string dataDir, DeviceCredential device, int count, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using (var outbox = new LiteDbCheckInOutbox(new FileOutboxStorage(dataDir), device.DeviceId, device.SiteId, TimeProvider.System, NullLogger<LiteDbCheckInOutbox>.Instance))
        {
            for (var first = 0; first < count; first += Wave)
            {
                var wave = Enumerable.Range(first, Math.Min(Wave, count - first)).Select(n => outbox.RecordAsync(SampleCheckIns.Scan(n), cancellationToken));
                await Task.WhenAll(wave);
            }

            var status = outbox.GetStatus();
            if (status.Pending != count)
            {
                throw new InvalidOperationException($"the outbox holds {status.Pending} check-ins, not {count}");
            }
        }

        return clock.Elapsed;
    }

    /// <summary>Copies a closed outbox (its two LiteDB files) into another data directory.</summary>
    public static void CopyTo(string fromDir, string toDir)
    {
        Directory.CreateDirectory(toDir);
        foreach (var name in new[] { FileOutboxStorage.DataFileName, FileOutboxStorage.LogFileName })
        {
            var from = Path.Combine(fromDir, name);
            if (File.Exists(from))
            {
                File.Copy(from, Path.Combine(toDir, name));
            }
        }
    }
}
