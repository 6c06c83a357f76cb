using System.Globalization;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tracing;

/// <summary>
/// Exposure sites: <c>POST /api/tracing/exposures</c> <c>{site, from, to, note}</c> marks one (window at most 31
/// days), <c>GET /api/tracing/exposures</c> lists the newest, <c>GET /api/tracing/risk[?format=csv]</c> gives per
/// exposure the people who checked in there during its window. Tracers only, by province, audited (by
/// <see cref="TracingQueries"/>, shared with the dashboard's exposures page).
/// </summary>
internal static class ExposureEndpoints
{
    public sealed record MarkRequest(string? Site, string? From, string? To, string? Note);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/tracing/exposures", async (MarkRequest? request, HttpContext context, TracingQueries queries, CancellationToken cancellationToken) =>
            (await queries.MarkAsync(context.User, request?.Site, request?.From, request?.To, request?.Note, cancellationToken).ConfigureAwait(false))
                .ToResult(e => Results.Created($"/api/tracing/exposures/{e.Id}", e)))
            .RequireAuthorization(FleetPolicies.Trace);
        routes.MapGet("/api/tracing/exposures", async (HttpContext context, TracingQueries queries, CancellationToken cancellationToken) =>
            (await queries.ExposuresAsync(context.User, cancellationToken).ConfigureAwait(false)).ToResult(Results.Ok))
            .RequireAuthorization(FleetPolicies.Trace);
        routes.MapGet("/api/tracing/risk", async (string? format, HttpContext context, TracingQueries queries, CancellationToken cancellationToken) =>
            (await queries.RiskAsync(context.User, format, cancellationToken).ConfigureAwait(false)).ToResult(Risk))
            .RequireAuthorization(FleetPolicies.Trace);
    }

    private static IResult Risk(TracingQueries.RiskView view) => view.Csv
        ? TracingRows.Csv(
            "tracing-risk.csv",
            ["exposure", "site", "from", "to", "person_key", "name", "birth_date", "first_at", "last_at", "check_ins"],
            view.Exposures.SelectMany(r => r.List.Select(p => (IReadOnlyList<string?>)[
                r.Exposure.Id.ToString(CultureInfo.InvariantCulture), r.Exposure.SiteId, TracingRows.Instant(r.Exposure.From), TracingRows.Instant(r.Exposure.To),
                p.PersonKey, p.Name, p.BirthDate, TracingRows.Instant(p.FirstAt), TracingRows.Instant(p.LastAt), p.CheckIns.ToString(CultureInfo.InvariantCulture)])))
        : Results.Ok(new { exposures = view.Exposures });
}
