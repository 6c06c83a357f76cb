namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// The relay outbox: every check-in stored gets an outbox entry in the same transaction (a trigger on
/// <c>check_ins</c>, so ingest is untouched); the relay reads entries oldest first, deletes them once the national
/// backend has answered 2xx, and moves those it refused for good to dead letters. Deleting a check-in (retention)
/// deletes its entry.
/// </summary>
public partial interface IFleetStore
{
    /// <summary>
    /// The oldest <paramref name="max"/> outbox entries after <paramref name="afterOutboxId"/> (0: from the start) with
    /// their check-ins, in outbox order. On PostgreSQL an entry may become visible after entries with higher ids (its
    /// transaction committed later): a reader that moves a cursor forward must come back to the start now and then.
    /// </summary>
    Task<IReadOnlyList<PendingRelay>> PendingRelayAsync(int max, long afterOutboxId, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: deletes the entries <paramref name="relayed"/> and <paramref name="rejected"/> from the
    /// outbox, and keeps the rejected ones as dead letters stamped <paramref name="at"/>. Unknown ids are ignored.
    /// </summary>
    Task CompleteRelayAsync(IReadOnlyList<long> relayed, IReadOnlyList<RelayRejected> rejected, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Outbox size, the commit time of its oldest entry, and dead letters.</summary>
    Task<RelayBacklog> GetRelayBacklogAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Counts one failed attempt on each of the entries <paramref name="outboxIds"/> (persisted in the outbox row, so a
    /// restart does not reset it) with its <paramref name="error"/>; entries that have now failed
    /// <paramref name="maxAttempts"/> times move to dead letters (code <c>ATTEMPTS</c>, the last error as reason)
    /// stamped <paramref name="at"/>. Returns how many moved. One transaction; unknown ids are ignored.
    /// </summary>
    Task<int> RecordRelayFailureAsync(IReadOnlyList<long> outboxIds, string error, int maxAttempts, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Dead letters, newest first, at most <paramref name="max"/>; only those of devices in <paramref name="province"/>
    /// unless it is null.
    /// </summary>
    Task<IReadOnlyList<RelayDeadLetter>> DeadLettersAsync(int max, string? province, CancellationToken cancellationToken);

    /// <summary>
    /// Puts the dead letters back into the outbox with their attempts reset (after the cause was fixed), only those of
    /// devices in <paramref name="province"/> unless it is null; returns how many.
    /// </summary>
    Task<int> ReplayDeadLettersAsync(string? province, CancellationToken cancellationToken);
}
