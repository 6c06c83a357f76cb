using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Health;
using ScanPoint.FleetServer.Management;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard.Pages;

/// <summary>
/// <c>/devices/{id}[?hours=24]</c>: one device: its state, health history (heartbeats as a table and charts), scans
/// per day (30 days), config twin and drift, commands and their results, alerts — the same data as the JSON API under
/// <c>/api/devices/{id}/…</c>. A device outside the user's province is refused.
/// </summary>
[Authorize(Policy = FleetPolicies.View)]
public sealed class DeviceModel(IFleetStore store, FleetSnapshots snapshots, IOptions<HealthOptions> health, TimeProvider time) : PageModel
{
    public const int MaxHeartbeats = 45_000;
    public const int MaxRows = 50;
    public const int ActivityDays = 30;

    public DashboardDevice Device { get; private set; } = null!;

    /// <summary>The id asked for when no such device is registered (the page says so, with 404).</summary>
    public string? MissingId { get; private set; }

    public int Hours { get; private set; }

    public IReadOnlyList<ReceivedHeartbeat> Heartbeats { get; private set; } = [];

    public IReadOnlyList<DailyScans> Scans { get; private set; } = [];

    public ConfigTwin Config { get; private set; } = null!;

    public IReadOnlyList<CommandRecord> Commands { get; private set; } = [];

    public IReadOnlyList<AlertRecord> Alerts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, int? hours)
    {
        var ct = HttpContext.RequestAborted;
        var record = await store.FindDeviceAsync(id, ct).ConfigureAwait(false);
        if (record is null)
        {
            return Missing(id);
        }

        if (!User.MayActIn(record.Province))
        {
            return Forbid();
        }

        var snapshot = await snapshots.CurrentAsync(ct).ConfigureAwait(false);
        if (snapshot.Devices.FirstOrDefault(d => d.Health.DeviceId == id) is not { } device)
        {
            // Registered after the snapshot was taken: derive afresh.
            snapshots.Invalidate();
            snapshot = await snapshots.CurrentAsync(ct).ConfigureAwait(false);
            device = snapshot.Devices.FirstOrDefault(d => d.Health.DeviceId == id);
            if (device is null)
            {
                return Missing(id);
            }
        }

        Device = device;
        Hours = Math.Clamp(hours ?? 24, 1, 24 * 31);
        var now = time.GetUtcNow();
        Heartbeats = await store.HeartbeatsAsync(id, now.AddHours(-Hours), MaxHeartbeats, ct).ConfigureAwait(false);
        Scans = await store.ScansPerDayAsync(id, now.AddDays(-ActivityDays), health.Value.DayOffset, ct).ConfigureAwait(false);
        var desired = await store.Management.DesiredConfigsAsync(id, ct).ConfigureAwait(false);
        var reported = await store.Management.ReportedConfigAsync(id, ct).ConfigureAwait(false);
        Config = ConfigTwin.Compare(id, desired.Count > 0 ? desired[0].ToDesired(now) : null, reported?.Reported, reported?.ReceivedAt);
        Commands = await store.Management.DeviceCommandsAsync(id, MaxRows, ct).ConfigureAwait(false);
        Alerts = await store.Management.DeviceAlertsAsync(id, MaxRows, ct).ConfigureAwait(false);
        return Page();
    }

    private PageResult Missing(string id)
    {
        MissingId = id;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>Scans per day over the last <see cref="ActivityDays"/> days, zero for days without any.</summary>
    public IReadOnlyList<(DateOnly Day, long Value)> ScanDays()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(health.Value.DayOffset).DateTime);
        var byDay = Scans.ToDictionary(s => s.Day, s => s.Scans);
        return [.. Enumerable.Range(0, ActivityDays).Select(i => today.AddDays(i - ActivityDays + 1)).Select(d => (d, byDay.GetValueOrDefault(d)))];
    }

    public IReadOnlyList<(DateTimeOffset At, double? Value)> Series(Func<Contracts.Devices.HeartbeatReported, double?> pick) =>
        [.. Heartbeats.Select(h => (h.ReceivedAt, pick(h.Heartbeat)))];

    public string Local(DateTimeOffset? at) => at?.ToOffset(health.Value.DayOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";
}
