namespace ScanPoint.Contracts.CheckIns;

/// <summary>
/// The fleet server's application acknowledgement on <c>…/ack</c>: these check-ins are committed to its
/// database. Only this lets a kiosk delete them; a PUBACK does not. <see cref="ServerTime"/> is the fleet's clock
/// when it sent the ack (the kiosk learns its clock offset from it).
/// </summary>
public sealed record CheckInsAcknowledged(int V, IReadOnlyList<AcknowledgedCheckIn> Items, DateTimeOffset? ServerTime = null)
{
    public const int SchemaVersion = 1;

    /// <summary>The CONNACK user property carrying the fleet's clock (ISO 8601) at connect.</summary>
    public const string ServerTimeProperty = "server-time";
}

/// <summary>One acknowledged check-in, named by its id and sequence number.</summary>
public sealed record AcknowledgedCheckIn(string Id, long Seq);
