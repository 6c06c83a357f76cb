using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tracing;

/// <summary>
/// Exposure sites: <c>POST /api/tracing/exposures</c> <c>{site, from, to, note}</c> marks one (window at most 31
/// days), <c>GET /api/tracing/exposures</c> lists the newest, <c>GET /api/tracing/risk[?format=csv]</c> gives per
/// exposure the people who checked in there during its window. Tracers only, by province, audited.
/// </summary>
internal static class ExposureEndpoints
{
    public const int MaxExposures = 100;

    public sealed record MarkRequest(string? Site, string? From, string? To, string? Note);

    public sealed record Person(string PersonKey, string? Name, string? BirthDate, DateTimeOffset FirstAt, DateTimeOffset LastAt, int CheckIns);

    public sealed record Risk(TracingExposure Exposure, int People, bool Truncated, IReadOnlyList<Person> List);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/tracing/exposures", MarkAsync).RequireAuthorization(FleetPolicies.Trace);
        routes.MapGet("/api/tracing/exposures", async (HttpContext context, IFleetStore store, TracingAudit audit, CancellationToken cancellationToken) =>
        {
            var exposures = await store.Tracing.ExposuresAsync(ProvinceScope.Of(context.User), MaxExposures, cancellationToken).ConfigureAwait(false);
            return await audit.ThenAsync(context.User, "tracing.exposures", TracingRows.Parameters(), exposures.Count, Results.Ok(exposures), cancellationToken).ConfigureAwait(false);
        }).RequireAuthorization(FleetPolicies.Trace);
        routes.MapGet("/api/tracing/risk", RiskAsync).RequireAuthorization(FleetPolicies.Trace);
    }

    private static async Task<IResult> MarkAsync(MarkRequest? request, HttpContext context, IFleetStore store, TracingAudit audit, TimeProvider time, ILogger<TracingAudit> logger, CancellationToken cancellationToken)
    {
        if (request is null || !TracingInput.IsSite(request.Site))
        {
            return TracingQueryEndpoints.Bad(TracingInput.SiteError);
        }

        if (string.IsNullOrEmpty(request.From) || string.IsNullOrEmpty(request.To))
        {
            return TracingQueryEndpoints.Bad("from and to are required (ISO 8601 instants)");
        }

        if (!TracingWindow.TryParse(request.From, request.To, time.GetUtcNow(), TracingQueryEndpoints.PersonMax, TracingQueryEndpoints.PersonMax, out var window, out var error))
        {
            return TracingQueryEndpoints.Bad(error);
        }

        var note = request.Note ?? "";
        if (note.Length > TracingInput.MaxNoteLength)
        {
            return TracingQueryEndpoints.Bad($"note is at most {TracingInput.MaxNoteLength} characters");
        }

        var site = request.Site!;
        if (await TracingQueryEndpoints.SiteAccessAsync(store, site, context, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var provinces = await store.Tracing.SiteProvincesAsync(site, cancellationToken).ConfigureAwait(false);
        var province = ProvinceScope.Of(context.User) ?? (provinces.Count == 1 ? provinces[0] : null);
        var user = context.User.Identity?.Name ?? "";
        var parameters = TracingRows.Parameters(("site", site), ("from", TracingRows.Instant(window.From)), ("to", TracingRows.Instant(window.To)), ("province", province));

        // The mark is audited first: an exposure that exists was audited.
        if (!await audit.AppendAsync(context.User, "tracing.exposure", parameters, 1, cancellationToken).ConfigureAwait(false))
        {
            return TracingAudit.Unavailable;
        }

        var exposure = await store.Tracing.AddExposureAsync(site, province, window.From, window.To, note, user, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Log.ExposureMarked(logger, exposure.Id, site, user);
        return Results.Created($"/api/tracing/exposures/{exposure.Id}", exposure);
    }

    private static async Task<IResult> RiskAsync(string? format, HttpContext context, IFleetStore store, TracingAudit audit, IOptions<TracingOptions> options, CancellationToken cancellationToken)
    {
        if (TracingInput.IsCsv(format) is not { } csv)
        {
            return TracingQueryEndpoints.Bad(TracingInput.FormatError);
        }

        var province = ProvinceScope.Of(context.User);
        var exposures = await store.Tracing.ExposuresAsync(province, MaxExposures, cancellationToken).ConfigureAwait(false);
        var risks = new List<Risk>();
        foreach (var exposure in exposures)
        {
            var found = await store.Tracing.SitePeopleAsync(exposure.SiteId, exposure.From, exposure.To, province, options.Value.MaxRows, cancellationToken).ConfigureAwait(false);
            var people = found.CheckIns.GroupBy(c => c.PersonKey!, StringComparer.Ordinal)
                .Select(g => new Person(g.Key, g.First().Name, g.First().BirthDate, g.Min(c => c.At), g.Max(c => c.At), g.Count()))
                .OrderBy(p => p.FirstAt).ToList();
            risks.Add(new Risk(exposure, people.Count, found.Truncated, people));
        }

        var rows = risks.Sum(r => r.People);
        IResult result = csv
            ? TracingRows.Csv(
                "tracing-risk.csv",
                ["exposure", "site", "from", "to", "person_key", "name", "birth_date", "first_at", "last_at", "check_ins"],
                risks.SelectMany(r => r.List.Select(p => (IReadOnlyList<string?>)[
                    r.Exposure.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Exposure.SiteId, TracingRows.Instant(r.Exposure.From), TracingRows.Instant(r.Exposure.To),
                    p.PersonKey, p.Name, p.BirthDate, TracingRows.Instant(p.FirstAt), TracingRows.Instant(p.LastAt), p.CheckIns.ToString(System.Globalization.CultureInfo.InvariantCulture)])))
            : Results.Ok(new { exposures = risks });
        var parameters = TracingRows.Parameters(("format", csv ? "csv" : null), ("export", csv ? "risk" : null));
        return await audit.ThenAsync(context.User, csv ? "tracing.export" : "tracing.risk", parameters, rows, result, cancellationToken).ConfigureAwait(false);
    }
}
