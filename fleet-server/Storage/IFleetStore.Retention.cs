namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// Retention: check-ins (and the personal data in them) are deleted once past the retention window, relayed or not,
/// with their relay outbox entries and dead letters; heartbeats too. Per-device counters stay. Real deletes, in
/// batches; what was deleted is counted in a persisted row (<c>retention_counters</c>).
/// </summary>
public partial interface IFleetStore
{
    /// <summary>
    /// Deletes, in transactions of at most <paramref name="batchSize"/> check-ins, every check-in whose <c>at</c> is
    /// before <paramref name="before"/>, its outbox entry and dead letter, and heartbeats received before it; adds the
    /// counts to the persisted totals and stamps the run <paramref name="at"/>. Returns what this call deleted.
    /// </summary>
    Task<RetentionPurge> PurgeAsync(DateTimeOffset before, DateTimeOffset at, int batchSize, CancellationToken cancellationToken);

    /// <summary>The persisted totals of every purge so far, and when the last one ran (null: never).</summary>
    Task<RetentionTotals> GetRetentionTotalsAsync(CancellationToken cancellationToken);
}
