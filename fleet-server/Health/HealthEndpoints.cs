using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Health;

/// <summary>
/// <c>GET /api/devices[?province=&amp;state=]</c>: every device with its derived state and alerts;
/// <c>GET /api/devices/{id}/activity[?days=30]</c>: scans per local day; <c>GET /api/devices/{id}/heartbeats[?hours=24]</c>:
/// health history (each beat with when it was received); <c>GET /api/provinces</c>: per province,
/// registered, active in the window, and the count in each state.
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
        app.MapGet("/api/devices", async (string? province, string? state, IFleetStore store, IOptions<HealthOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var devices = await DevicesAsync(store, options.Value, time, cancellationToken).ConfigureAwait(false);
            return Results.Ok(devices.Where(d => (province is null || d.Province == province) && (state is null || d.State == state)));
        });
        app.MapGet("/api/devices/{deviceId}/activity", async (string deviceId, int? days, IFleetStore store, IOptions<HealthOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var window = Math.Clamp(days ?? 30, 1, 366);
            var from = time.GetUtcNow().AddDays(-window);
            return await store.FindDeviceAsync(deviceId, cancellationToken).ConfigureAwait(false) is null
                ? Results.NotFound()
                : Results.Ok(await store.ScansPerDayAsync(deviceId, from, options.Value.DayOffset, cancellationToken).ConfigureAwait(false));
        });
        app.MapGet("/api/devices/{deviceId}/heartbeats", async (string deviceId, int? hours, IFleetStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var from = time.GetUtcNow().AddHours(-Math.Clamp(hours ?? 24, 1, 24 * 31));
            return await store.FindDeviceAsync(deviceId, cancellationToken).ConfigureAwait(false) is null
                ? Results.NotFound()
                : Results.Ok(await store.HeartbeatsAsync(deviceId, from, MaxHeartbeats, cancellationToken).ConfigureAwait(false));
        });
        app.MapGet("/api/provinces", async (IFleetStore store, IOptions<HealthOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
            Results.Ok(ProvinceHealth.Summarise(await DevicesAsync(store, options.Value, time, cancellationToken).ConfigureAwait(false))));
        return app;
    }

    private static async Task<IReadOnlyList<DeviceHealth>> DevicesAsync(IFleetStore store, HealthOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await store.ListDeviceHealthAsync(cancellationToken).ConfigureAwait(false);
        var alerts = (await store.Management.OpenAlertsAsync(cancellationToken).ConfigureAwait(false)).ToLookup(a => a.DeviceId, a => a.Kind, StringComparer.Ordinal);
        return [.. rows.Select(r => DeviceHealthRules.Derive(r, now, options, [.. alerts[r.DeviceId]]))];
    }
}
