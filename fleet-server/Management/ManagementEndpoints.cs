using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Management;

/// <summary>
/// Device management, read side: <c>GET /api/devices/{id}/config</c> (desired, reported, drift),
/// <c>/api/devices/{id}/commands</c>, <c>/api/devices/{id}/commands/{commandId}/logs</c>, <c>/api/devices/{id}/alerts</c>
/// and <c>GET /api/alerts</c> (every open alert). Settings, policies and commands are written with the CLI
/// (<c>devices config</c>, <c>provinces policy</c>, <c>devices command</c>).
/// </summary>
internal static class ManagementEndpoints
{
    private const int MaxRows = 200;

    public static WebApplicationBuilder AddManagement(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ManagementOptions>().BindConfiguration(ManagementOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DeviceCameOnline>();
        builder.Services.AddHostedService<ManagementPublisher>();
        return builder;
    }

    public static WebApplication MapManagement(this WebApplication app)
    {
        app.MapGet("/api/devices/{deviceId}/config", async (string deviceId, IFleetStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (await store.FindDeviceAsync(deviceId, cancellationToken).ConfigureAwait(false) is null)
            {
                return Results.NotFound();
            }

            var desired = await store.Management.DesiredConfigsAsync(deviceId, cancellationToken).ConfigureAwait(false);
            var reported = await store.Management.ReportedConfigAsync(deviceId, cancellationToken).ConfigureAwait(false);
            var wanted = desired.Count > 0 ? desired[0].ToDesired(time.GetUtcNow()) : null;
            return Results.Ok(ConfigTwin.Compare(deviceId, wanted, reported?.Reported, reported?.ReceivedAt));
        });
        app.MapGet("/api/devices/{deviceId}/commands", async (string deviceId, IFleetStore store, CancellationToken cancellationToken) =>
            await store.FindDeviceAsync(deviceId, cancellationToken).ConfigureAwait(false) is null
                ? Results.NotFound()
                : Results.Ok(await store.Management.DeviceCommandsAsync(deviceId, MaxRows, cancellationToken).ConfigureAwait(false)));
        app.MapGet("/api/devices/{deviceId}/commands/{commandId}/logs", async (string deviceId, string commandId, IFleetStore store, CancellationToken cancellationToken) =>
            await store.Management.CommandLogsAsync(deviceId, commandId, cancellationToken).ConfigureAwait(false) is { } logs
                ? Results.Text(logs, "text/plain; charset=utf-8")
                : Results.NotFound());
        app.MapGet("/api/devices/{deviceId}/alerts", async (string deviceId, IFleetStore store, CancellationToken cancellationToken) =>
            await store.FindDeviceAsync(deviceId, cancellationToken).ConfigureAwait(false) is null
                ? Results.NotFound()
                : Results.Ok(await store.Management.DeviceAlertsAsync(deviceId, MaxRows, cancellationToken).ConfigureAwait(false)));
        app.MapGet("/api/alerts", async (IFleetStore store, CancellationToken cancellationToken) =>
            Results.Ok(await store.Management.OpenAlertsAsync(cancellationToken).ConfigureAwait(false)));
        return app;
    }
}
