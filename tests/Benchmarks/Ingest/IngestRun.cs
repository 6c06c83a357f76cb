namespace ScanPoint.Benchmarks.Ingest;

/// <summary>One ingest measurement: check-ins committed (acknowledged, or inserted for the peer) in the time taken.</summary>
internal sealed record IngestRun(string Path, string Store, long CheckIns, TimeSpan Elapsed, long? StoredAtEnd, double MachineCpu, double ProcessCores, string? Error)
{
    public double PerSecond => CheckIns / Elapsed.TotalSeconds;
}
