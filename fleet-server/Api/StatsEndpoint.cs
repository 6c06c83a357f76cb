using ScanPoint.FleetServer.Ingest;
using ScanPoint.FleetServer.Relay;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Api;

/// <summary><c>GET /api/stats</c>: devices, check-ins stored, per device the last sequence stored, ingest counters and the relay's backlog and counters.</summary>
internal static class StatsEndpoint
{
    public static WebApplication MapFleetApi(this WebApplication app)
    {
        app.MapGet("/api/stats", async (IFleetStore store, IngestCounters counters, IngestQueue queue, RelayCounters relay, TimeProvider time, CancellationToken cancellationToken) =>
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
                relay = RelayStats(relay, backlog, time.GetUtcNow()),
            });
        });
        return app;
    }

    /// <summary>Backlog (durable, from the store) and what the relay did since start; lag = age of the oldest unrelayed check-in.</summary>
    private static object RelayStats(RelayCounters relay, RelayBacklog backlog, DateTimeOffset now) => new
    {
        enabled = relay.Enabled,
        pending = backlog.Pending,
        oldestPendingReceivedAt = backlog.OldestReceivedAt,
        lagSeconds = backlog.OldestReceivedAt is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0,
        deadLetters = backlog.DeadLetters,
        batchesDelivered = relay.BatchesDelivered,
        accepted = relay.Accepted,
        duplicates = relay.Duplicates,
        rejected = relay.Rejected,
        failedAttempts = relay.FailedAttempts,
        lastError = relay.LastError,
        lastDeliveryAt = relay.LastDeliveryAt,
    };
}
