namespace ScanPoint.FleetServer.Relay;

/// <summary>What the relay did since start, for <c>/api/stats</c>; the backlog itself is read from the store.</summary>
public sealed class RelayCounters
{
    private long _batchesDelivered;
    private long _accepted;
    private long _duplicates;
    private long _rejected;
    private long _failedAttempts;
    private long _exhausted;
    private string? _lastError;
    private long _lastDeliveryUtcTicks;

    public bool Enabled { get; init; }

    public long BatchesDelivered => Interlocked.Read(ref _batchesDelivered);

    /// <summary>Check-ins the backend newly stored.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Check-ins the backend already held (re-sent after a lost answer): idempotency at work.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Check-ins refused for good and moved to dead letters.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Requests that failed transiently (5xx, timeout, refused connection) and were retried.</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    /// <summary>Check-ins moved to dead letters after <c>Relay:MaxAttempts</c> failed attempts.</summary>
    public long Exhausted => Interlocked.Read(ref _exhausted);

    public string? LastError => Volatile.Read(ref _lastError);

    public DateTimeOffset? LastDeliveryAt =>
        Interlocked.Read(ref _lastDeliveryUtcTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    internal void Delivered(int accepted, int duplicates, int rejected, DateTimeOffset at)
    {
        Interlocked.Increment(ref _batchesDelivered);
        Interlocked.Add(ref _accepted, accepted);
        Interlocked.Add(ref _duplicates, duplicates);
        Interlocked.Add(ref _rejected, rejected);
        Interlocked.Exchange(ref _lastDeliveryUtcTicks, at.UtcTicks);
    }

    internal void MovedAfterAttempts(int count) => Interlocked.Add(ref _exhausted, count);

    internal void Failed(string reason)
    {
        Interlocked.Increment(ref _failedAttempts);
        Volatile.Write(ref _lastError, reason);
    }
}
