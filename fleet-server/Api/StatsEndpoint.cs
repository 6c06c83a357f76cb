using ScanPoint.FleetServer.Ingest;
using ScanPoint.FleetServer.Relay;
using ScanPoint.FleetServer.Retention;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Api;

/// <summary><c>GET /api/stats</c>: devices, check-ins stored, per device the last sequence stored, ingest counters, the relay's backlog, circuit and counters, and retention's totals.</summary>
internal static class StatsEndpoint
{
    public static WebApplication MapFleetApi(this WebApplication app)
    {
        app.MapGet("/api/stats", async (IFleetStore store, IngestCounters counters, IngestQueue queue, RelayCounters relay, RelayCircuit circuit, RetentionStatus retention, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var stats = await store.GetStatsAsync(cancellationToken).ConfigureAwait(false);
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
        });
        return app;
    }
}
