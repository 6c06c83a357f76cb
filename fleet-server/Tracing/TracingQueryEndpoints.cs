using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tracing;

/// <summary>
/// <c>GET /api/tracing/person?key=&amp;from=&amp;to=&amp;format=</c> (default the last 14 days, at most 31) and
/// <c>GET /api/tracing/site?site=&amp;from=&amp;to=[&amp;key=]&amp;format=</c> (default the last 2 hours, at most 7
/// days; with <c>key</c>, the people within ±<c>Tracing:OverlapMinutes</c> of that person's visits). Tracers only,
/// limited to their province's devices, each answer audited before it is sent.
/// </summary>
internal static class TracingQueryEndpoints
{
    public static readonly TimeSpan PersonDefault = TimeSpan.FromDays(14);
    public static readonly TimeSpan PersonMax = TimeSpan.FromDays(31);
    public static readonly TimeSpan SiteDefault = TimeSpan.FromHours(2);
    public static readonly TimeSpan SiteMax = TimeSpan.FromDays(7);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/tracing/person", PersonAsync).RequireAuthorization(FleetPolicies.Trace);
        routes.MapGet("/api/tracing/site", SiteAsync).RequireAuthorization(FleetPolicies.Trace);
    }

    private static async Task<IResult> PersonAsync(
        string? key, string? from, string? to, string? format, HttpContext context, IFleetStore store, TracingAudit audit, IOptions<TracingOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TracingInput.IsKey(key))
        {
            return Bad(TracingInput.KeyError);
        }

        if (TracingInput.IsCsv(format) is not { } csv)
        {
            return Bad(TracingInput.FormatError);
        }

        if (!TracingWindow.TryParse(from, to, time.GetUtcNow(), PersonDefault, PersonMax, out var window, out var error))
        {
            return Bad(error);
        }

        var found = await store.Tracing.PersonVisitsAsync(key!, window.From, window.To, ProvinceScope.Of(context.User), options.Value.MaxRows, cancellationToken).ConfigureAwait(false);
        var parameters = TracingRows.Parameters(("key", key), ("from", TracingRows.Instant(window.From)), ("to", TracingRows.Instant(window.To)), ("format", csv ? "csv" : null));
        var result = csv
            ? TracingRows.Csv("tracing-person.csv", TracingRows.Header, found.CheckIns.Select(TracingRows.ToCsv))
            : Results.Ok(new { key, from = window.From, to = window.To, count = found.CheckIns.Count, found.Truncated, visits = found.CheckIns.Select(TracingRows.ToJson) });
        return await audit.ThenAsync(context.User, csv ? "tracing.export" : "tracing.person", Kind(parameters, csv, "person"), found.CheckIns.Count, result, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> SiteAsync(
        string? site, string? key, string? from, string? to, string? format, HttpContext context, IFleetStore store, TracingAudit audit, IOptions<TracingOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TracingInput.IsSite(site))
        {
            return Bad(TracingInput.SiteError);
        }

        if (key is not null && !TracingInput.IsKey(key))
        {
            return Bad(TracingInput.KeyError);
        }

        if (TracingInput.IsCsv(format) is not { } csv)
        {
            return Bad(TracingInput.FormatError);
        }

        if (!TracingWindow.TryParse(from, to, time.GetUtcNow(), SiteDefault, SiteMax, out var window, out var error))
        {
            return Bad(error);
        }

        var province = ProvinceScope.Of(context.User);
        if (await SiteAccessAsync(store, site!, context, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var max = options.Value.MaxRows;
        var checkIns = await store.Tracing.SiteCheckInsAsync(site!, window.From, window.To, province, max, cancellationToken).ConfigureAwait(false);
        TracingResult? visits = null, overlapping = null;
        var overlap = TimeSpan.FromMinutes(options.Value.OverlapMinutes);
        if (key is not null)
        {
            (visits, overlapping) = await store.Tracing.OverlapsAsync(site!, key, window.From, window.To, overlap, province, max, cancellationToken).ConfigureAwait(false);
        }

        var rows = checkIns.CheckIns.Count + (overlapping?.CheckIns.Count ?? 0);
        var parameters = TracingRows.Parameters(("site", site), ("key", key), ("from", TracingRows.Instant(window.From)), ("to", TracingRows.Instant(window.To)), ("format", csv ? "csv" : null));
        IResult result;
        if (csv)
        {
            var all = checkIns.CheckIns.Select(c => Prepend("check-in", TracingRows.ToCsv(c)))
                .Concat((overlapping?.CheckIns ?? []).Select(c => Prepend("overlap", TracingRows.ToCsv(c))));
            result = TracingRows.Csv("tracing-site.csv", ["kind", .. TracingRows.Header], all);
        }
        else
        {
            var overlaps = key is null ? null : new
            {
                key,
                windowMinutes = options.Value.OverlapMinutes,
                visits = visits!.CheckIns.Select(TracingRows.ToJson),
                people = overlapping!.CheckIns.Select(c => c.PersonKey).Distinct().Count(),
                truncated = overlapping.Truncated,
                checkIns = overlapping.CheckIns.Select(TracingRows.ToJson),
            };
            result = Results.Ok(new { site, from = window.From, to = window.To, count = checkIns.CheckIns.Count, checkIns.Truncated, checkIns = checkIns.CheckIns.Select(TracingRows.ToJson), overlaps });
        }

        return await audit.ThenAsync(context.User, csv ? "tracing.export" : "tracing.site", Kind(parameters, csv, "site"), rows, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>404 for a site no device is registered at; 403 when the user's province has no device there.</summary>
    public static async Task<IResult?> SiteAccessAsync(IFleetStore store, string site, HttpContext context, CancellationToken cancellationToken)
    {
        var provinces = await store.Tracing.SiteProvincesAsync(site, cancellationToken).ConfigureAwait(false);
        if (provinces.Count == 0)
        {
            return Results.NotFound(new { error = $"no device is registered at site {site}" });
        }

        return provinces.Any(context.User.MayActIn) ? null : Results.Forbid();
    }

    public static IResult Bad(string error) => Results.BadRequest(new { error });

    private static Dictionary<string, string?> Kind(Dictionary<string, string?> parameters, bool csv, string kind)
    {
        if (csv)
        {
            parameters["export"] = kind;
        }

        return parameters;
    }

    private static string?[] Prepend(string first, string?[] rest) => [first, .. rest];
}
