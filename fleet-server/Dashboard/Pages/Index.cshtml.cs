using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Health;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard.Pages;

/// <summary>
/// <c>/[?province=&amp;district=]</c>: the overview by province, then a province's districts, then a district's sites
/// (the same figures as <c>/api/overview</c> and <c>/api/provinces</c>), and the devices holding alerts.
/// </summary>
[Authorize(Policy = FleetPolicies.View)]
public sealed class IndexModel(FleetSnapshots snapshots, IOptions<HealthOptions> health) : PageModel
{
    public const int MaxAlertRows = 20;

    public Overview Overview { get; private set; } = null!;

    public FleetSnapshot Snapshot { get; private set; } = null!;

    public HealthOptions Health => health.Value;

    public IReadOnlyList<DashboardDevice> AlertDevices { get; private set; } = [];

    /// <summary>False for a province-limited user at their province (there is nothing above).</summary>
    public bool CanGoUp { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? province, string? district)
    {
        Snapshot = await snapshots.CurrentAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        if (OverviewQuery.For(User, Snapshot, province, district) is not { } overview)
        {
            return Forbid();
        }

        Overview = overview;
        var own = ProvinceScope.Of(User);
        CanGoUp = own is null || overview.District is not null;
        AlertDevices = [.. Snapshot.In(overview.Province)
            .Where(d => d.Health.Alerts.Count > 0 && (overview.District is null || d.District == overview.District))
            .OrderBy(d => d.Health.Province, StringComparer.Ordinal).ThenBy(d => d.Health.DeviceId, StringComparer.Ordinal)];
        return Page();
    }
}
