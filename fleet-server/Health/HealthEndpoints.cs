using System.Security.Claims;
using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Health;

/// <summary>
/// <c>GET /api/devices[?province=&amp;state=]</c>: every device with its derived state and alerts;
/// <c>GET /api/devices/{id}/activity[?days=30]</c>: scans per local day; <c>GET /api/devices/{id}/heartbeats[?hours=24]</c>:
/// health history (each beat with when it was received); <c>GET /api/provinces</c>: per province,
/// registered, active in the window, and the count in each state. Policy View; a province-limited user sees only
/// that province (lists filtered, a device elsewhere 403, an unknown device 404).
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>At most a month of beats at one a minute.</summary>
    private const int MaxHeartbeats = 45_000;

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/api/devices", async (string? province, string? state, ClaimsPrincipal user, IFleetStore store, IOptions<HealthOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var devices = await DevicesAsync(user, store, options.Value, time, cancellationToken).ConfigureAwait(false);
            return Results.Ok(devices.Where(d => (province is null || d.Province == province) && (state is null || d.State == state)));
        }).RequireAuthorization(FleetPolicies.View).WithName("Devices")
            .WithSummary("Every device of the user's provinces with its derived state and open alerts; filters: province, state")
            .Produces<IEnumerable<DeviceHealth>>();
        app.MapGet("/api/devices/{deviceId}/activity", async (string deviceId, int? days, IFleetStore store, IOptions<HealthOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var window = Math.Clamp(days ?? 30, 1, 366);
            var from = time.GetUtcNow().AddDays(-window);
            return Results.Ok(await store.ScansPerDayAsync(deviceId, from, options.Value.DayOffset, cancellationToken).ConfigureAwait(false));
        }).RequireAuthorization(FleetPolicies.View).RequireDeviceInProvince().WithName("DeviceActivity")
            .WithSummary("Scans per local day over the last days (1-366, default 30)")
            .Produces<IReadOnlyList<DailyScans>>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapGet("/api/devices/{deviceId}/heartbeats", async (string deviceId, int? hours, IFleetStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var from = time.GetUtcNow().AddHours(-Math.Clamp(hours ?? 24, 1, 24 * 31));
            return Results.Ok(await store.HeartbeatsAsync(deviceId, from, MaxHeartbeats, cancellationToken).ConfigureAwait(false));
        }).RequireAuthorization(FleetPolicies.View).RequireDeviceInProvince().WithName("DeviceHeartbeats")
            .WithSummary("Health history over the last hours (1-744, default 24), each beat with when it was received")
            .Produces<IReadOnlyList<ReceivedHeartbeat>>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapGet("/api/provinces", async (ClaimsPrincipal user, IFleetStore store, IOptions<HealthOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
            Results.Ok(ProvinceHealth.Summarise(await DevicesAsync(user, store, options.Value, time, cancellationToken).ConfigureAwait(false))))
            .RequireAuthorization(FleetPolicies.View).WithName("Provinces")
            .WithSummary("Per province of the user's: registered, active in the window, and the count in each state")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return app;
    }

    /// <summary>The devices <paramref name="user"/> may see (their province's, or all), with derived state.</summary>
    private static async Task<IReadOnlyList<DeviceHealth>> DevicesAsync(ClaimsPrincipal user, IFleetStore store, HealthOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = (await store.ListDeviceHealthAsync(cancellationToken).ConfigureAwait(false)).Where(r => user.MayActIn(r.Province));
        var alerts = (await store.Management.OpenAlertsAsync(cancellationToken).ConfigureAwait(false)).ToLookup(a => a.DeviceId, a => a.Kind, StringComparer.Ordinal);
        return [.. rows.Select(r => DeviceHealthRules.Derive(r, now, options, [.. alerts[r.DeviceId]]))];
    }
}
