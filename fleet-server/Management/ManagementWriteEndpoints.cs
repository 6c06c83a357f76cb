using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Management;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Management;

/// <summary>
/// Device management, write side (policy Steer, the device's or province's province must be the user's):
/// <c>POST /api/devices/{id}/config</c> and <c>POST /api/provinces/{province}/policy</c> with a <see cref="SettingsChange"/>,
/// <c>POST /api/devices/{id}/commands</c> with a <see cref="CommandRequest"/>, <c>POST /api/devices/{id}/revoke</c>;
/// and <c>GET /api/provinces/{province}/policy</c> (View). The running server publishes changes within
/// <c>Management:CheckInterval</c>, as after the CLI. Bad input: 400 with a message.
/// </summary>
internal static class ManagementWriteEndpoints
{
    /// <summary>Bodies are small: 64 settings of at most 1 KiB each.</summary>
    private const long MaxBody = 96 * 1024;
    private const int SaveAttempts = 5;

    public sealed record Saved(string Key, long Version, IReadOnlyDictionary<string, string> Settings);

    public sealed record Queued(string CommandId, string DeviceId, string Name, DateTimeOffset ExpiresAt);

    public sealed record Revoked(string DeviceId, DateTimeOffset RevokedAt);

    public static WebApplication MapManagementWrites(this WebApplication app)
    {
        app.MapGet("/api/provinces/{province}/policy", async (string province, ClaimsPrincipal user, IFleetStore store, CancellationToken cancellationToken) =>
        {
            if (Refusal(province, user) is { } refusal)
            {
                return refusal;
            }

            var policy = await store.Management.ProvincePolicyAsync(province, cancellationToken).ConfigureAwait(false);
            return Results.Ok(new Saved(province, policy.Version, policy.Settings));
        }).RequireAuthorization(FleetPolicies.View).WithName("ProvincePolicy")
            .WithSummary("A province's policy (version 0 when none was set)")
            .Produces<Saved>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        app.MapPost("/api/provinces/{province}/policy", async (string province, SettingsChange change, ClaimsPrincipal user, IFleetStore store, TimeProvider time, ILogger<SettingsChange> logger, CancellationToken cancellationToken) =>
        {
            if (Refusal(province, user) is { } refusal)
            {
                return refusal;
            }

            var saved = await SaveAsync(change, ct => store.Management.ProvincePolicyAsync(province, ct),
                (version, next, ct) => store.Management.SaveProvincePolicyAsync(province, version, next, time.GetUtcNow(), ct), province, cancellationToken).ConfigureAwait(false);
            if (saved is Saved ok)
            {
                Log.ProvincePolicySet(logger, user.Identity?.Name, province, ok.Version);
                return Results.Ok(ok);
            }

            return (IResult)saved;
        }).RequireAuthorization(FleetPolicies.Steer).WithMetadata(new RequestSizeLimitAttribute(MaxBody)).WithName("SetProvincePolicy")
            .WithSummary("Sets and removes keys of a province's policy (locked on its devices); answers the new version")
            .Produces<Saved>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPost("/api/devices/{deviceId}/config", async (string deviceId, SettingsChange change, ClaimsPrincipal user, IFleetStore store, TimeProvider time, ILogger<SettingsChange> logger, CancellationToken cancellationToken) =>
        {
            var saved = await SaveAsync(change, ct => store.Management.DeviceSettingsAsync(deviceId, ct),
                (version, next, ct) => store.Management.SaveDeviceSettingsAsync(deviceId, version, next, time.GetUtcNow(), ct), deviceId, cancellationToken).ConfigureAwait(false);
            if (saved is Saved ok)
            {
                Log.DeviceSettingsSet(logger, user.Identity?.Name, deviceId, ok.Version);
                return Results.Ok(ok);
            }

            return (IResult)saved;
        }).RequireAuthorization(FleetPolicies.Steer).RequireDeviceInProvince().WithMetadata(new RequestSizeLimitAttribute(MaxBody)).WithName("SetDeviceConfig")
            .WithSummary("Sets and removes keys of a device's own settings; answers the new version")
            .Produces<Saved>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPost("/api/devices/{deviceId}/commands", async (string deviceId, CommandRequest request, ClaimsPrincipal user, IFleetStore store, TimeProvider time, ILogger<CommandRequest> logger, CancellationToken cancellationToken) =>
        {
            if (request.Problem() is { } problem)
            {
                return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
            }

            if ((await store.FindDeviceAsync(deviceId, cancellationToken).ConfigureAwait(false))?.RevokedAt is not null)
            {
                return Results.Problem($"device '{deviceId}' is revoked", statusCode: StatusCodes.Status409Conflict);
            }

            var commandId = "c" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            var now = time.GetUtcNow();
            var expires = now + request.Expiry()!.Value;
            await store.Management.AddCommandAsync(commandId, deviceId, request.Name!, now, expires, cancellationToken).ConfigureAwait(false);
            Log.CommandQueued(logger, user.Identity?.Name, commandId, request.Name!, deviceId);
            return Results.Created($"/api/devices/{deviceId}/commands", new Queued(commandId, deviceId, request.Name!, expires));
        }).RequireAuthorization(FleetPolicies.Steer).RequireDeviceInProvince().WithMetadata(new RequestSizeLimitAttribute(MaxBody)).WithName("IssueCommand")
            .WithSummary("Queues a command (reboot, refresh-trust, upload-logs, self-test); sent until answered or expired")
            .Produces<Queued>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPost("/api/devices/{deviceId}/revoke", async (string deviceId, ClaimsPrincipal user, IFleetStore store, TimeProvider time, ILogger<Revoked> logger, CancellationToken cancellationToken) =>
        {
            if (await store.RevokeDeviceAsync(deviceId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                Log.DeviceRevokedByApi(logger, user.Identity?.Name, deviceId);
            }

            var device = await store.FindDeviceAsync(deviceId, cancellationToken).ConfigureAwait(false);
            return Results.Ok(new Revoked(deviceId, device!.RevokedAt!.Value));
        }).RequireAuthorization(FleetPolicies.Steer).RequireDeviceInProvince().WithName("RevokeDevice")
            .WithSummary("Revokes a device (idempotent): the broker refuses and disconnects it; re-enrol it with a new code")
            .Produces<Revoked>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>400 for a malformed province code, 403 for one outside the user's; null when allowed.</summary>
    private static IResult? Refusal(string province, ClaimsPrincipal user) =>
        !DeviceCredential.IsName(province) ? Results.Problem("province: 1-64 of A-Z a-z 0-9 _ -", statusCode: StatusCodes.Status400BadRequest)
        : !user.MayActIn(province) ? Results.Problem($"province {province} is outside yours", statusCode: StatusCodes.Status403Forbidden)
        : null;

    /// <summary>Reads, changes and saves at the read version, again if another writer came first; a <see cref="Saved"/> or a problem.</summary>
    private static async Task<object> SaveAsync(
        SettingsChange change,
        Func<CancellationToken, Task<VersionedSettings>> read,
        Func<long, Dictionary<string, string>, CancellationToken, Task<bool>> save,
        string key,
        CancellationToken cancellationToken)
    {
        if (change.Problem() is { } problem)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        for (var attempt = 0; attempt < SaveAttempts; attempt++)
        {
            var current = await read(cancellationToken).ConfigureAwait(false);
            var next = change.ApplyTo(current.Settings);
            if (next.Count > ManagementValidation.MaxSettings)
            {
                return Results.Problem($"at most {ManagementValidation.MaxSettings} settings", statusCode: StatusCodes.Status400BadRequest);
            }

            if (await save(current.Version, next, cancellationToken).ConfigureAwait(false))
            {
                return new Saved(key, current.Version + 1, next);
            }
        }

        return Results.Problem($"'{key}' kept changing under us; try again", statusCode: StatusCodes.Status409Conflict);
    }
}
