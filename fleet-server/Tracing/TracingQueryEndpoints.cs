using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tracing;

/// <summary>
/// <c>GET /api/tracing/person?key=&amp;from=&amp;to=&amp;format=</c> (default the last 14 days, at most 31) and
/// <c>GET /api/tracing/site?site=&amp;from=&amp;to=[&amp;key=]&amp;format=</c> (default the last 2 hours, at most 7
/// days; with <c>key</c>, the people within ±<c>Tracing:OverlapMinutes</c> of that person's visits). Tracers only,
/// limited to their province's devices, each answer audited before it is sent (by <see cref="TracingQueries"/>,
/// which the dashboard's tracing page uses too).
/// </summary>
internal static class TracingQueryEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/tracing/person", async (string? key, string? from, string? to, string? format, HttpContext context, TracingQueries queries, CancellationToken cancellationToken) =>
            (await queries.PersonAsync(context.User, key, from, to, format, cancellationToken).ConfigureAwait(false)).ToResult(Person))
            .RequireAuthorization(FleetPolicies.Trace);
        routes.MapGet("/api/tracing/site", async (string? site, string? key, string? from, string? to, string? format, HttpContext context, TracingQueries queries, CancellationToken cancellationToken) =>
            (await queries.SiteAsync(context.User, site, key, from, to, format, cancellationToken).ConfigureAwait(false)).ToResult(Site))
            .RequireAuthorization(FleetPolicies.Trace);
    }

    public static IResult Bad(string error) => Results.BadRequest(new { error });

    private static IResult Person(TracingQueries.PersonVisits p) => p.Csv
        ? TracingRows.Csv("tracing-person.csv", TracingRows.Header, p.Found.CheckIns.Select(TracingRows.ToCsv))
        : Results.Ok(new { key = p.Key, from = p.Window.From, to = p.Window.To, count = p.Found.CheckIns.Count, p.Found.Truncated, visits = p.Found.CheckIns.Select(TracingRows.ToJson) });

    private static IResult Site(TracingQueries.SiteVisits s)
    {
        if (s.Csv)
        {
            var all = s.CheckIns.CheckIns.Select(c => Prepend("check-in", TracingRows.ToCsv(c)))
                .Concat((s.Overlapping?.CheckIns ?? []).Select(c => Prepend("overlap", TracingRows.ToCsv(c))));
            return TracingRows.Csv("tracing-site.csv", ["kind", .. TracingRows.Header], all);
        }

        var overlaps = s.Key is null ? null : new
        {
            key = s.Key,
            windowMinutes = s.OverlapMinutes,
            visits = s.Visits!.CheckIns.Select(TracingRows.ToJson),
            people = s.Overlapping!.CheckIns.Select(c => c.PersonKey).Distinct().Count(),
            truncated = s.Overlapping.Truncated,
            checkIns = s.Overlapping.CheckIns.Select(TracingRows.ToJson),
        };
        return Results.Ok(new { site = s.Site, from = s.Window.From, to = s.Window.To, count = s.CheckIns.CheckIns.Count, s.CheckIns.Truncated, checkIns = s.CheckIns.CheckIns.Select(TracingRows.ToJson), overlaps });
    }

    private static string?[] Prepend(string first, string?[] rest) => [first, .. rest];
}
