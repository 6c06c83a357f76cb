namespace ScanPoint.NationalReceiver;

/// <summary>
/// The receiver's own endpoints (not part of the national contract): <c>GET /receiver/stats</c>,
/// <c>GET /receiver/check-ins?after=ID&amp;limit=N</c> (held check-ins in id order) and <c>PUT /receiver/faults</c>.
/// </summary>
internal static class AdminEndpoints
{
    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.MapGet("/receiver/stats", (ReceiverStore store, FaultSwitch faults) =>
        {
            var counts = store.Counts();
            return Results.Ok(new
            {
                held = counts.Held,
                deliveries = counts.Deliveries,
                duplicates = counts.Duplicates,
                batches = counts.Batches,
                batchPosts = counts.BatchPosts,
                faults = new { current = faults.Current, injectedFailures = faults.Failed, injectedSlow = faults.Slowed, refusedConnections = faults.Refused },
            });
        });
        app.MapGet("/receiver/check-ins", (ReceiverStore store, string? after, int? limit) =>
            Results.Ok(store.List(after ?? "", Math.Clamp(limit ?? 1000, 1, 10_000))));
        app.MapPut("/receiver/faults", (FaultOptions faults, FaultSwitch current, ILogger<FaultSwitch> logger) =>
        {
            current.Current = faults;
            Log.FaultsSet(logger, faults.FailPercent, faults.SlowPercent, faults.SlowDelay, faults.Refuse);
            return Results.Ok(faults);
        });
        return app;
    }
}
