namespace ScanPoint.Kiosk.Outbox;

/// <summary>What <c>kiosk outbox</c> and the heartbeat report.</summary>
public sealed record OutboxStatus(long Pending, DateTimeOffset? OldestPendingAt, long Acknowledged, long LastSeq)
{
    /// <summary>Acknowledged check-ins still kept as local history (until the retention purge).</summary>
    public long Retained { get; init; }

    /// <summary>Pending check-ins whose encrypted subject does not open with the key (kept, not sent).</summary>
    public long Unreadable { get; init; }
}
