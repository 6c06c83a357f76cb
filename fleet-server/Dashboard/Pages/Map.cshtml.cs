using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPoint.FleetServer.Sites;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard.Pages;

/// <summary>
/// <c>/map</c>: provinces as a schematic tile map (<see cref="ProvinceTiles"/>) shaded by the 7-day active ratio, and the
/// registered sites with coordinates as points, shaded the same way; within the user's province.
/// </summary>
[Authorize(Policy = FleetPolicies.View)]
public sealed class MapModel(FleetSnapshots snapshots) : PageModel
{
    /// <summary>Viet Nam's bounding box for the site points (degrees).</summary>
    /// <summary>Sites are named on the map only when there are this few.</summary>
    public const int MaxLabels = 40;

    public const double West = 102, East = 110, South = 8, North = 23.5;

    public IReadOnlyDictionary<string, OverviewRow> Provinces { get; private set; } = new Dictionary<string, OverviewRow>();

    public IReadOnlyList<(SiteRecord Site, OverviewRow? Row)> Sites { get; private set; } = [];

    public IReadOnlyList<OverviewRow> NotOnMap { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var own = ProvinceScope.Of(User);
        var snapshot = await snapshots.CurrentAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        var devices = snapshot.In(own).ToList();
        var provinces = Overview.Of(devices, null, null).Rows;
        Provinces = provinces.ToDictionary(r => r.Key, StringComparer.Ordinal);
        NotOnMap = [.. provinces.Where(r => !ProvinceTiles.All.Any(t => t.Code == r.Key))];
        var perSite = devices.GroupBy(d => (d.Health.Province, d.Health.SiteId))
            .ToDictionary(g => g.Key, g => Overview.Of(g, g.Key.Province, g.First().District).Total);
        Sites = [.. snapshot.Sites
            .Where(s => (own is null || s.Province == own) && s.Latitude is >= South and <= North && s.Longitude is >= West and <= East)
            .Select(s => (s, perSite.GetValueOrDefault((s.Province, s.SiteId))))];
    }
}
