using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tracing;

/// <summary>
/// <c>GET /api/audit?from=&amp;to=&amp;user=&amp;before=&amp;limit=</c>: the audit log, newest first (see
/// <see cref="AuditQuery"/>, shared with the dashboard's audit page). Auditors only.
/// </summary>
internal static class AuditEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/audit", async (string? from, string? to, string? user, string? before, string? limit, IFleetStore store, TimeProvider time, CancellationToken cancellationToken) =>
            (await AuditQuery.ReadAsync(store, time.GetUtcNow(), from, to, user, before, limit, cancellationToken).ConfigureAwait(false))
                .ToResult(p => Results.Ok(new { from = p.Window.From, to = p.Window.To, entries = p.Entries, nextBefore = p.NextBefore })))
            .RequireAuthorization(FleetPolicies.Audit);
}
