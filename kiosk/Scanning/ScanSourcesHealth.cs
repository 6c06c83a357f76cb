using System.Collections.Concurrent;
using ScanPoint.Hardware.Scanning;

namespace ScanPoint.Kiosk.Scanning;

/// <summary>What the scan worker knows about each source, for <c>kiosk status</c> and the heartbeat.</summary>
public sealed class ScanSourcesHealth(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public void Running(IScanSource source) => Get(source).State = "running";

    public void Scanned(IScanSource source) => Interlocked.Increment(ref Get(source).Scans);

    public void Failed(IScanSource source, Exception exception)
    {
        var entry = Get(source);
        lock (entry)
        {
            entry.State = "retrying";
            entry.Failures++;
            entry.LastFailure = $"{exception.GetType().Name}: {exception.Message}";
            entry.LastFailureAt = time.GetUtcNow();
        }
    }

    public void Ended(IScanSource source) => Get(source).State = "ended";

    /// <summary>True while every source is running (a source that ended normally, like a finished replay, counts as fine).</summary>
    public bool AllRunning => _entries.Values.All(e => e.State != "retrying");

    public IReadOnlyList<ScanSourceStatus> Snapshot() =>
        [.. _entries.Values.OrderBy(e => e.Source.Name, StringComparer.Ordinal).Select(e =>
        {
            lock (e)
            {
                return new ScanSourceStatus(e.Source.Name, e.State, Interlocked.Read(ref e.Scans), e.Failures, e.LastFailure, e.LastFailureAt,
                    e.Source is IScanSourceMetrics metrics ? metrics.ReadMetrics() : new Dictionary<string, double>());
            }
        })];

    private Entry Get(IScanSource source) => _entries.GetOrAdd(source.Name, _ => new Entry(source));

    private sealed class Entry(IScanSource source)
    {
        public IScanSource Source { get; } = source;

        public string State { get; set; } = "starting";

        public long Scans;

        public long Failures { get; set; }

        public string? LastFailure { get; set; }

        public DateTimeOffset? LastFailureAt { get; set; }
    }
}
