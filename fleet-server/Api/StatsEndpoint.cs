using System.Security.Claims;
using ScanPoint.FleetServer.Ingest;
using ScanPoint.FleetServer.Relay;
using ScanPoint.FleetServer.Retention;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Api;

/// <summary><c>GET /api/stats</c> (policy View; a province-limited user sees only that province's devices): devices, check-ins stored, per device the last sequence stored, ingest counters, the relay's backlog, circuit and counters, and retention's totals.</summary>
internal static class StatsEndpoint
{
    public static WebApplication MapFleetApi(this WebApplication app)
    {
        app.MapGet("/api/stats", async (ClaimsPrincipal user, IFleetStore store, IngestCounters counters, IngestQueue queue, RelayCounters relay, RelayCircuit circuit, RetentionStatus retention, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var stats = InProvince(await store.GetStatsAsync(cancellationToken).ConfigureAwait(false), user);
            var backlog = await store.GetRelayBacklogAsync(cancellationToken).ConfigureAwait(false);
            return Results.Ok(new
            {
                devices = stats.Devices,
                checkIns = stats.CheckIns,
                perDevice = stats.PerDevice.Select(d => new
                {
                    deviceId = d.DeviceId,
                    province = d.Province,
                    checkIns = d.CheckIns,
                    lastSeq = d.LastSeq,
                    presence = d.Presence is { } p ? new { state = p.State, boot = p.Boot, at = p.At } : null,
                }),
                ingest = new
                {
                    queueDepth = queue.Depth,
                    committedSinceStart = counters.CheckInsCommitted,
                    batchesAcknowledged = counters.BatchesAcknowledged,
                    storeFailures = counters.StoreFailures,
                    connectionsRefused = counters.ConnectionsRefused,
                    publishesRefused = counters.PublishesRefused,
                    subscriptionsRefused = counters.SubscriptionsRefused,
                },
                relay = RelayStatus.Of(relay, circuit, backlog, time.GetUtcNow()),
                retention = await retention.ReadAsync(store, cancellationToken).ConfigureAwait(false),
            });
        }).RequireAuthorization(FleetPolicies.View).WithName("Stats")
            .WithSummary("Devices and check-ins stored (of the user's province when limited), per device, ingest and relay counters")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return app;
    }

    /// <summary>For a user limited to a province: only its devices, and totals over them.</summary>
    private static FleetStats InProvince(FleetStats stats, ClaimsPrincipal user)
    {
        if (ProvinceScope.Of(user) is null)
        {
            return stats;
        }

        var mine = stats.PerDevice.Where(d => user.MayActIn(d.Province)).ToList();
        return new FleetStats(mine.Count, mine.Sum(d => d.CheckIns), mine);
    }
}
