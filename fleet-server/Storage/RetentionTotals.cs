namespace ScanPoint.FleetServer.Storage;

/// <summary>The persisted totals of every purge (see <see cref="RetentionPurge"/>) and when the last one ran.</summary>
public sealed record RetentionTotals(DateTimeOffset? LastRunAt, long Deleted, long DeletedUnrelayed, long DeletedHeartbeats);
