namespace ScanPoint.Contracts.CheckIns;

/// <summary>
/// The fleet server's application acknowledgement on <c>…/ack</c>: these check-ins are committed to its
/// database. Only this lets a kiosk delete them; a PUBACK does not.
/// </summary>
public sealed record CheckInsAcknowledged(int V, IReadOnlyList<AcknowledgedCheckIn> Items)
{
    public const int SchemaVersion = 1;
}

/// <summary>One acknowledged check-in, named by its id and sequence number.</summary>
public sealed record AcknowledgedCheckIn(string Id, long Seq);
