using System.Security.Claims;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Management;

/// <summary>
/// Device management, read side: <c>GET /api/devices/{id}/config</c> (desired, reported, drift),
/// <c>/api/devices/{id}/commands</c>, <c>/api/devices/{id}/commands/{commandId}/logs</c>, <c>/api/devices/{id}/alerts</c>
/// and <c>GET /api/alerts</c> (every open alert), policy View, scoped to the user's province; the writes are in
/// <see cref="ManagementWriteEndpoints"/> (and the CLI: <c>devices config</c>, <c>provinces policy</c>, <c>devices command</c>).
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
            var desired = await store.Management.DesiredConfigsAsync(deviceId, cancellationToken).ConfigureAwait(false);
            var reported = await store.Management.ReportedConfigAsync(deviceId, cancellationToken).ConfigureAwait(false);
            var wanted = desired.Count > 0 ? desired[0].ToDesired(time.GetUtcNow()) : null;
            return Results.Ok(ConfigTwin.Compare(deviceId, wanted, reported?.Reported, reported?.ReceivedAt));
        }).RequireAuthorization(FleetPolicies.View).RequireDeviceInProvince().WithName("DeviceConfig")
            .WithSummary("The device's config twin: desired (settings and province policy), reported, drift")
            .Produces<ConfigTwin>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapGet("/api/devices/{deviceId}/commands", async (string deviceId, IFleetStore store, CancellationToken cancellationToken) =>
            Results.Ok(await store.Management.DeviceCommandsAsync(deviceId, MaxRows, cancellationToken).ConfigureAwait(false)))
            .RequireAuthorization(FleetPolicies.View).RequireDeviceInProvince().WithName("DeviceCommands")
            .WithSummary("The device's latest commands (at most 200), newest first")
            .Produces<IReadOnlyList<CommandRecord>>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapGet("/api/devices/{deviceId}/commands/{commandId}/logs", async (string deviceId, string commandId, IFleetStore store, CancellationToken cancellationToken) =>
            await store.Management.CommandLogsAsync(deviceId, commandId, cancellationToken).ConfigureAwait(false) is { } logs
                ? Results.Text(logs, "text/plain; charset=utf-8")
                : Results.Problem("no logs for that command", statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(FleetPolicies.View).RequireDeviceInProvince().WithName("CommandLogs")
            .WithSummary("The log lines an upload-logs command brought back")
            .Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapGet("/api/devices/{deviceId}/alerts", async (string deviceId, IFleetStore store, CancellationToken cancellationToken) =>
            Results.Ok(await store.Management.DeviceAlertsAsync(deviceId, MaxRows, cancellationToken).ConfigureAwait(false)))
            .RequireAuthorization(FleetPolicies.View).RequireDeviceInProvince().WithName("DeviceAlerts")
            .WithSummary("The device's latest alert changes (at most 200), newest first")
            .Produces<IReadOnlyList<AlertRecord>>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapGet("/api/alerts", async (ClaimsPrincipal user, IFleetStore store, CancellationToken cancellationToken) =>
        {
            var open = await store.Management.OpenAlertsAsync(cancellationToken).ConfigureAwait(false);
            if (ProvinceScope.Of(user) is null)
            {
                return Results.Ok(open);
            }

            var mine = (await store.ListDeviceHealthAsync(cancellationToken).ConfigureAwait(false))
                .Where(d => user.MayActIn(d.Province)).Select(d => d.DeviceId).ToHashSet(StringComparer.Ordinal);
            return Results.Ok(open.Where(a => mine.Contains(a.DeviceId)).ToList());
        }).RequireAuthorization(FleetPolicies.View).WithName("Alerts")
            .WithSummary("Every open alert of the user's provinces")
            .Produces<IReadOnlyList<AlertRecord>>();
        app.MapManagementWrites();
        return app;
    }
}
