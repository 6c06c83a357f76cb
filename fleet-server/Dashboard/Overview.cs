using ScanPoint.FleetServer.Health;

namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// The overview at one level of the drill-down: every province; the districts of one province; the sites of one
/// district. <see cref="Total"/> sums the rows.
/// </summary>
public sealed record Overview(string Level, string? Province, string? District, IReadOnlyList<OverviewRow> Rows, OverviewRow Total)
{
    public const string Provinces = "province";
    public const string Districts = "district";
    public const string SitesLevel = "site";

    /// <summary>The level below <paramref name="province"/> / <paramref name="district"/> over <paramref name="devices"/>.</summary>
    public static Overview Of(IEnumerable<DashboardDevice> devices, string? province, string? district)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var (level, scoped) = (province, district) switch
        {
            (null, _) => (Provinces, devices),
            (_, null) => (Districts, devices.Where(d => d.Health.Province == province)),
            _ => (SitesLevel, devices.Where(d => d.Health.Province == province && d.District == district)),
        };
        var list = scoped.ToList();
        var rows = list
            .GroupBy(d => level switch { Provinces => d.Health.Province, Districts => d.District, _ => d.Health.SiteId }, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, level == SitesLevel ? g.First().SiteName : g.Key, g.ToList()))
            .ToList();
        return new Overview(level, province, district, rows, Row("", "", list));
    }

    private static OverviewRow Row(string key, string name, List<DashboardDevice> devices)
    {
        var states = DeviceStates.All.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);
        int active = 0, trust = 0, skew = 0, alerts = 0;
        foreach (var d in devices)
        {
            states[d.Health.State]++;
            active += d.Health.ActiveInWindow ? 1 : 0;
            trust += d.TrustStale ? 1 : 0;
            skew += d.ClockSkewed ? 1 : 0;
            alerts += d.Health.Alerts.Count;
        }

        var ratio = devices.Count == 0 ? 0 : Math.Round((double)active / devices.Count, 4);
        return new OverviewRow(key, name, devices.Count, states, active, ratio, trust, skew, alerts);
    }
}
