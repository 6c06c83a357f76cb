using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tracing;

/// <summary>
/// <c>GET /api/audit?from=&amp;to=&amp;user=&amp;before=&amp;limit=</c>: the audit log, newest first (default the last
/// 90 days, at most 366; <c>limit</c> 1-500, default 100; <c>before</c> = the last id of the previous page). Auditors only.
/// </summary>
internal static class AuditEndpoint
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/audit", async (string? from, string? to, string? user, string? before, string? limit, IFleetStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (!TracingWindow.TryParse(from, to, time.GetUtcNow(), TimeSpan.FromDays(90), TimeSpan.FromDays(366), out var window, out var error))
            {
                return TracingQueryEndpoints.Bad(error);
            }

            if (user is { Length: 0 or > 128 })
            {
                return TracingQueryEndpoints.Bad("user is 1-128 characters");
            }

            var size = DefaultLimit;
            if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
            {
                return TracingQueryEndpoints.Bad($"limit is 1-{MaxLimit}");
            }

            long? beforeId = null;
            if (before is not null)
            {
                if (!long.TryParse(before, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id < 1)
                {
                    return TracingQueryEndpoints.Bad("before is a positive entry id");
                }

                beforeId = id;
            }

            var entries = await store.Audit.ReadAsync(window.From, window.To, user, beforeId, size, cancellationToken).ConfigureAwait(false);
            return Results.Ok(new { from = window.From, to = window.To, entries, nextBefore = entries.Count == size ? entries[^1].Id : (long?)null });
        }).RequireAuthorization(FleetPolicies.Audit);
}
