using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard.Pages;

/// <summary>
/// <c>/alerts</c>: every device holding an alert (raised by the device, or a threshold on its last heartbeat), and the
/// open alerts the devices raised (as <c>GET /api/alerts</c>), within the user's province.
/// </summary>
[Authorize(Policy = FleetPolicies.View)]
public sealed class AlertsModel(IFleetStore store, FleetSnapshots snapshots) : PageModel
{
    public IReadOnlyList<DashboardDevice> Devices { get; private set; } = [];

    public IReadOnlyList<AlertRecord> Raised { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var own = ProvinceScope.Of(User);
        var snapshot = await snapshots.CurrentAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        Devices = [.. snapshot.In(own).Where(d => d.Health.Alerts.Count > 0)];
        var province = snapshot.Devices.ToDictionary(d => d.Health.DeviceId, d => d.Health.Province, StringComparer.Ordinal);
        Raised = [.. (await store.Management.OpenAlertsAsync(HttpContext.RequestAborted).ConfigureAwait(false))
            .Where(a => own is null || province.GetValueOrDefault(a.DeviceId) == own)
            .OrderByDescending(a => a.At)];
    }
}
