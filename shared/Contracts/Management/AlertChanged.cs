namespace ScanPoint.Contracts.Management;

/// <summary>
/// A kiosk alert raised or cleared, on <c>…/alert</c> (QoS 1). The kiosk decides with hysteresis (a condition must
/// hold, or stay clear, for a while) so a flapping reading does not flood the fleet, and keeps alerts while offline
/// to send them in order after reconnecting. <see cref="Kind"/> is stable (e.g. <c>disk-low</c>).
/// </summary>
public sealed record AlertChanged(int V, long Seq, string Kind, string State, string Detail, DateTimeOffset At)
{
    public const int SchemaVersion = 1;
    public const string Raised = "raised";
    public const string Cleared = "cleared";
}
