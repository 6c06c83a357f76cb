namespace ScanPoint.Hardware.Scanning;

/// <summary>What an imager source counts (thread-safe): scans yielded, over-long scans dropped, failed opens and reads.</summary>
public sealed class ImagerCounters
{
    private long _scans;
    private long _droppedOverLong;
    private long _readErrors;

    public long Scans => Interlocked.Read(ref _scans);

    public long DroppedOverLong => Interlocked.Read(ref _droppedOverLong);

    public long ReadErrors => Interlocked.Read(ref _readErrors);

    public void CountScan() => Interlocked.Increment(ref _scans);

    public void CountDroppedOverLong(long count) => Interlocked.Add(ref _droppedOverLong, count);

    public void CountReadError() => Interlocked.Increment(ref _readErrors);

    /// <summary>The counters as health metrics (<see cref="IScanSourceMetrics"/>).</summary>
    public IReadOnlyDictionary<string, double> ToMetrics() => new Dictionary<string, double>
    {
        ["scans"] = Scans,
        ["dropped_over_long"] = DroppedOverLong,
        ["read_errors"] = ReadErrors,
    };
}
