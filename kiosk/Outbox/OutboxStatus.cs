namespace ScanPoint.Kiosk.Outbox;

/// <summary>What <c>kiosk outbox</c> and the heartbeat report.</summary>
public sealed record OutboxStatus(long Pending, DateTimeOffset? OldestPendingAt, long Acknowledged, long LastSeq);
