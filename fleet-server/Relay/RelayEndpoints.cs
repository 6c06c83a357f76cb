using System.Globalization;
using System.Security.Claims;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Relay;

/// <summary>
/// The relay over HTTP: <c>GET /api/relay</c> (backlog, oldest unrelayed age, circuit, counters; fleet-wide, no
/// personal data), <c>GET /api/relay/dead-letters?max=N</c> (newest first, only the user's province) and
/// <c>POST /api/relay/dead-letters/replay[?province=P]</c> (back into the outbox with attempts reset; a user with a
/// province replays that province only).
/// </summary>
internal static class RelayEndpoints
{
    /// <summary>Dead letters listed at most (and when <c>max</c> is not given: <see cref="DefaultList"/>).</summary>
    public const int MaxList = 1000;

    public const int DefaultList = 100;

    public static WebApplication MapRelay(this WebApplication app)
    {
        app.MapGet("/api/relay", async (IFleetStore store, RelayCounters counters, RelayCircuit circuit, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var backlog = await store.GetRelayBacklogAsync(cancellationToken);
            return Results.Ok(RelayStatus.Of(counters, circuit, backlog, time.GetUtcNow()));
        }).RequireAuthorization(FleetPolicies.View);

        app.MapGet("/api/relay/dead-letters", async (string? max, ClaimsPrincipal user, IFleetStore store, CancellationToken cancellationToken) =>
        {
            var count = DefaultList;
            if (max is not null && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxList))
            {
                return Results.BadRequest(new { error = $"max must be a whole number 1..{MaxList}" });
            }

            var province = ProvinceScope.Of(user);
            var letters = await store.DeadLettersAsync(count, province, cancellationToken);
            return Results.Ok(new
            {
                province,
                deadLetters = letters.Select(l => new
                {
                    deviceId = l.DeviceId,
                    seq = l.Seq,
                    province = l.Province,
                    code = l.Code,
                    reason = l.Reason,
                    attempts = l.Attempts,
                    at = l.At,
                }),
            });
        }).RequireAuthorization(FleetPolicies.View);

        app.MapPost("/api/relay/dead-letters/replay", async (string? province, ClaimsPrincipal user, IFleetStore store, ILogger<RelayCounters> logger, CancellationToken cancellationToken) =>
        {
            if (province is not null && (province.Length is < 1 or > 64 || !province.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            {
                return Results.BadRequest(new { error = "province must be 1-64 of A-Z a-z 0-9 _ -" });
            }

            if (province is not null && !user.MayActIn(province))
            {
                return Results.Forbid();
            }

            var scope = province ?? ProvinceScope.Of(user);
            var replayed = await store.ReplayDeadLettersAsync(scope, cancellationToken);
            Log.RelayDeadLettersReplayed(logger, user.Identity?.Name ?? "?", replayed, scope ?? "all");
            return Results.Ok(new { replayed, province = scope });
        }).RequireAuthorization(FleetPolicies.Steer);
        return app;
    }
}
