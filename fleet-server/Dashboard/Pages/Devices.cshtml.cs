using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Health;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard.Pages;

/// <summary><c>/devices</c>: the device list, filtered (<see cref="DeviceFilter"/>) and paged, within the user's province.</summary>
[Authorize(Policy = FleetPolicies.View)]
public sealed class DevicesModel(FleetSnapshots snapshots, IOptions<DashboardOptions> options, IOptions<HealthOptions> health) : PageModel
{
    public DeviceFilter Filter { get; private set; } = null!;

    public DevicePage? Result { get; private set; }

    public string? Error { get; private set; }

    public string? OwnProvince { get; private set; }

    public IReadOnlyList<string> Provinces { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? province, string? district, string? site, string? state, string? q, int? page)
    {
        OwnProvince = ProvinceScope.Of(User);
        if (OwnProvince is not null && !string.IsNullOrEmpty(province) && province != OwnProvince)
        {
            return Forbid();
        }

        Filter = new DeviceFilter(Empty(province) ?? OwnProvince, Empty(district), Empty(site), Empty(state), Empty(q), page ?? 1);
        var snapshot = await snapshots.CurrentAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        var mine = snapshot.In(OwnProvince).ToList();
        Provinces = [.. mine.Select(d => d.Health.Province).Distinct().Order(StringComparer.Ordinal)];
        Error = Filter.Error;
        if (Error is null)
        {
            Result = Filter.Apply(mine, options.Value.PageSize);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>An instant in Viet Nam time (the health day offset), or empty.</summary>
    public string Local(DateTimeOffset? at) => at?.ToOffset(health.Value.DayOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
