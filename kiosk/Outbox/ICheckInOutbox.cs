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

    /// <summary>Pending check-ins with a sequence number above <paramref name="afterSeq"/>, oldest first.</summary>
    IReadOnlyList<CheckInRecorded> PeekPending(long afterSeq, int max);

    /// <summary>Deletes the named check-ins (id and seq must both match); returns how many were deleted.</summary>
    int Acknowledge(IReadOnlyCollection<AcknowledgedCheckIn> items);

    OutboxStatus GetStatus();

    /// <summary>The position a replayable source last committed with a check-in, or 0.</summary>
    long ReadCursor(string source);
}
