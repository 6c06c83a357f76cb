using ScanPoint.FleetServer.Sites;

namespace ScanPoint.FleetServer.Dashboard;

/// <summary>Every device's derived state at <see cref="At"/>, and the site registry, as one consistent picture.</summary>
public sealed record FleetSnapshot(DateTimeOffset At, IReadOnlyList<DashboardDevice> Devices, IReadOnlyList<SiteRecord> Sites)
{
    /// <summary>The devices a user limited to <paramref name="province"/> may see (all when null).</summary>
    public IEnumerable<DashboardDevice> In(string? province) =>
        province is null ? Devices : Devices.Where(d => d.Health.Province == province);
}
