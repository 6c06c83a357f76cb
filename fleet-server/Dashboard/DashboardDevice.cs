using ScanPoint.FleetServer.Health;

namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// One device as the dashboard shows it: its derived health (the same as <c>/api/devices</c>), where it stands (district
/// from the site registry, "—" when its site is not registered), and the two drift signals of its last heartbeat.
/// </summary>
public sealed record DashboardDevice(DeviceHealth Health, string District, string SiteName, double? TrustAgeSeconds, bool TrustStale, bool ClockSkewed)
{
    /// <summary>The district of devices whose site is not in the registry.</summary>
    public const string NoDistrict = "—";
}
