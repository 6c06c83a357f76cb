using System.Diagnostics;
using ScanPoint.Benchmarks.Measuring;

namespace ScanPoint.Benchmarks.Outbox;

/// <summary>
/// What one recorder did: check-ins recorded by <paramref name="Callers"/> concurrent callers in <paramref name="Elapsed"/>,
/// and the bytes it cost from opening the files to closing them (so a checkpoint deferred to close is counted).
/// </summary>
internal sealed record OutboxRun(
    string Peer, int Callers, long Count, TimeSpan Elapsed, long? AppBytes, long? Syncs, ProcessIo Io, long? DeviceBytes)
{
    /// <summary>Check-ins per second of each round this run sums up (just this run's own rate if it is one round).</summary>
    public IReadOnlyList<double> RoundRates { get; init; } = [];

    public double PerSecond => Count / Elapsed.TotalSeconds;

    public string Spread => RoundRates.Count > 1 ? $"{ResultTable.Format(RoundRates.Min())}–{ResultTable.Format(RoundRates.Max())}" : "-";

    /// <summary>Several rounds of the same peer as one run: counts, times and bytes added up.</summary>
    public static OutboxRun Sum(IReadOnlyList<OutboxRun> rounds) => new(
        rounds[0].Peer,
        rounds[0].Callers,
        rounds.Sum(r => r.Count),
        TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)),
        rounds.Any(r => r.AppBytes is null) ? null : rounds.Sum(r => r.AppBytes),
        rounds.Any(r => r.Syncs is null) ? null : rounds.Sum(r => r.Syncs),
        new ProcessIo(rounds.Sum(r => r.Io.WriteChars), rounds.Sum(r => r.Io.WriteBytes)),
        rounds.Any(r => r.DeviceBytes is null) ? null : rounds.Sum(r => r.DeviceBytes))
    {
        RoundRates = [.. rounds.Select(r => r.PerSecond)],
    };

    /// <summary>Bytes the recorder wrote to its files (its own count, else the process's <c>wchar</c>).</summary>
    public double AppBytesPerCheckIn => (double)(AppBytes ?? Io.WriteChars) / Count;

    /// <summary>Page-cache bytes this process dirtied (<c>write_bytes</c>): what it sent to the block device.</summary>
    public double BlockBytesPerCheckIn => (double)Io.WriteBytes / Count;

    /// <summary>Everything the disk wrote meanwhile, journal included (and any other process's writes).</summary>
    public double? DeviceBytesPerCheckIn => DeviceBytes / (double)Count;

    /// <summary>Opens a recorder in <paramref name="folder"/>, lets the callers record until either limit, closes it.</summary>
    public static async Task<OutboxRun> MeasureAsync(
        string peer,
        Func<string, ICheckInRecorder> open,
        string folder,
        int callers,
        int maxCount,
        TimeSpan maxTime,
        BlockDevice device,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var recorder = open(folder);
        var ioBefore = ProcessIo.Read();
        var deviceBefore = device.BytesWritten();
        var issued = 0L;
        var recorded = 0L;
        var clock = Stopwatch.StartNew();
        async Task CallerAsync()
        {
            long n;
            while (clock.Elapsed < maxTime && (n = Interlocked.Increment(ref issued)) <= maxCount)
            {
                await recorder.RecordAsync(SampleCheckIns.Scan(n), cancellationToken);
                Interlocked.Increment(ref recorded);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(CallerAsync, cancellationToken)));
        var elapsed = clock.Elapsed;
        var stats = recorder.Stats;
        recorder.Dispose();
        var io = ProcessIo.Read().Since(ioBefore);
        var deviceBytes = device.BytesWritten() - deviceBefore;
        return new OutboxRun(peer, callers, recorded, elapsed, stats?.Bytes, stats?.Syncs, io, deviceBytes);
    }
}
