using ScanPoint.Contracts.CheckIns;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>
/// The kiosk's durable queue of check-ins waiting for the fleet's acknowledgement.
/// A check-in returned by <see cref="RecordAsync"/> is on stable storage.
/// </summary>
public interface ICheckInOutbox : IDisposable
{
    /// <summary>Assigns id and sequence number and returns once the check-in survives a power cut.</summary>
    Task<CheckInRecorded> RecordAsync(ScannedCode scan, CancellationToken cancellationToken);

    /// <summary>
    /// Pending (unacknowledged) check-ins with a sequence number above <paramref name="afterSeq"/>, oldest first; one
    /// whose encrypted subject cannot be read is skipped (kept and reported, see <see cref="OutboxStatus.Unreadable"/>).
    /// </summary>
    IReadOnlyList<CheckInRecorded> PeekPending(long afterSeq, int max);

    /// <summary>
    /// Marks the named check-ins (id and seq must both match) acknowledged at the current time: they leave the pending
    /// queue for good and stay as local history until <see cref="PurgeAcknowledged"/>. Returns how many were pending.
    /// </summary>
    int Acknowledge(IReadOnlyCollection<AcknowledgedCheckIn> items);

    /// <summary>Deletes acknowledged check-ins, with their personal fields, acknowledged before the cutoff; returns how many.</summary>
    int PurgeAcknowledged(DateTimeOffset acknowledgedBefore);

    OutboxStatus GetStatus();

    /// <summary>The position a replayable source last committed with a check-in, or 0.</summary>
    long ReadCursor(string source);
}
