namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// What one purge deleted: check-ins, of which <see cref="DeletedUnrelayed"/> never reached the national backend
/// (still in the outbox or dead letters), and heartbeats.
/// </summary>
public sealed record RetentionPurge(long Deleted, long DeletedUnrelayed, long DeletedHeartbeats);
