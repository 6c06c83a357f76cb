namespace ScanPoint.FleetServer.Health;

/// <summary>The derived device states, from worst to best news.</summary>
public static class DeviceStates
{
    public const string Revoked = "revoked";
    public const string NeverActive = "never-active";
    public const string Lost = "lost";
    public const string Offline = "offline";
    public const string Stale = "stale";
    public const string Alert = "alert";
    public const string Idle = "idle";
    public const string Online = "online";

    public static readonly string[] All = [Revoked, NeverActive, Lost, Offline, Stale, Alert, Idle, Online];
}
