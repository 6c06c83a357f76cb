namespace ScanPoint.FleetServer.Health;

/// <summary>
/// One device as operators see it: its derived <see cref="State"/> (see <see cref="DeviceStates"/>), the alerts its
/// last heartbeat raised, and whether it scanned within the active window.
/// </summary>
public sealed record DeviceHealth(
    string DeviceId,
    string Province,
    string SiteId,
    string State,
    IReadOnlyList<string> Alerts,
    bool ActiveInWindow,
    DateTimeOffset? LastSeenAt,
    DateTimeOffset? LastCheckInAt,
    long CheckIns,
    long? TrustVersion,
    double? ClockOffsetSeconds);
