using System.Security.Claims;
using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tracing;

/// <summary>
/// The one implementation of the tracing queries behind both the JSON API and the dashboard pages: input checks,
/// the user's province scope, and the audit entry written before any data is given back (no entry, no data).
/// </summary>
internal sealed class TracingQueries(IFleetStore store, TracingAudit audit, IOptions<TracingOptions> options, TimeProvider time, ILogger<TracingAudit> logger)
{
    public static readonly TimeSpan PersonDefault = TimeSpan.FromDays(14);
    public static readonly TimeSpan PersonMax = TimeSpan.FromDays(31);
    public static readonly TimeSpan SiteDefault = TimeSpan.FromHours(2);
    public static readonly TimeSpan SiteMax = TimeSpan.FromDays(7);
    public const int MaxExposures = 100;

    /// <summary>One person's visits in a window.</summary>
    public sealed record PersonVisits(string Key, TracingWindow Window, TracingResult Found, bool Csv);

    /// <summary>A site's check-ins in a window and, with a person key, that person's visits and who overlapped them.</summary>
    public sealed record SiteVisits(string Site, string? Key, TracingWindow Window, TracingResult CheckIns, TracingResult? Visits, TracingResult? Overlapping, int OverlapMinutes, bool Csv);

    /// <summary>A person who checked in at an exposure site during its window.</summary>
    public sealed record Person(string PersonKey, string? Name, string? BirthDate, DateTimeOffset FirstAt, DateTimeOffset LastAt, int CheckIns);

    /// <summary>An exposure and the people at risk from it.</summary>
    public sealed record Risk(TracingExposure Exposure, int People, bool Truncated, IReadOnlyList<Person> List);

    /// <summary>The risk view, and whether it is being exported.</summary>
    public sealed record RiskView(IReadOnlyList<Risk> Exposures, bool Csv);

    /// <summary><c>/api/tracing/person</c>: audited as tracing.person (tracing.export for CSV).</summary>
    public async Task<TracingAnswer<PersonVisits>> PersonAsync(ClaimsPrincipal user, string? key, string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        if (!TracingInput.IsKey(key))
        {
            return TracingAnswer<PersonVisits>.Bad(TracingInput.KeyError);
        }

        if (TracingInput.IsCsv(format) is not { } csv)
        {
            return TracingAnswer<PersonVisits>.Bad(TracingInput.FormatError);
        }

        if (!TracingWindow.TryParse(from, to, time.GetUtcNow(), PersonDefault, PersonMax, out var window, out var error))
        {
            return TracingAnswer<PersonVisits>.Bad(error);
        }

        var found = await store.Tracing.PersonVisitsAsync(key!, window.From, window.To, ProvinceScope.Of(user), options.Value.MaxRows, cancellationToken).ConfigureAwait(false);
        var parameters = TracingRows.Parameters(("key", key), ("from", TracingRows.Instant(window.From)), ("to", TracingRows.Instant(window.To)), ("format", csv ? "csv" : null));
        return await AuditedAsync(user, csv ? "tracing.export" : "tracing.person", Kind(parameters, csv, "person"), found.CheckIns.Count, new PersonVisits(key!, window, found, csv), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>/api/tracing/site</c>: audited as tracing.site (tracing.export for CSV); the rows are check-ins plus overlaps.</summary>
    public async Task<TracingAnswer<SiteVisits>> SiteAsync(ClaimsPrincipal user, string? site, string? key, string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        if (!TracingInput.IsSite(site))
        {
            return TracingAnswer<SiteVisits>.Bad(TracingInput.SiteError);
        }

        if (key is not null && !TracingInput.IsKey(key))
        {
            return TracingAnswer<SiteVisits>.Bad(TracingInput.KeyError);
        }

        if (TracingInput.IsCsv(format) is not { } csv)
        {
            return TracingAnswer<SiteVisits>.Bad(TracingInput.FormatError);
        }

        if (!TracingWindow.TryParse(from, to, time.GetUtcNow(), SiteDefault, SiteMax, out var window, out var error))
        {
            return TracingAnswer<SiteVisits>.Bad(error);
        }

        if (await SiteAccessAsync(user, site!, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return TracingAnswer<SiteVisits>.Fail(refused.Status, refused.Error);
        }

        var province = ProvinceScope.Of(user);
        var max = options.Value.MaxRows;
        var checkIns = await store.Tracing.SiteCheckInsAsync(site!, window.From, window.To, province, max, cancellationToken).ConfigureAwait(false);
        TracingResult? visits = null, overlapping = null;
        if (key is not null)
        {
            var overlap = TimeSpan.FromMinutes(options.Value.OverlapMinutes);
            (visits, overlapping) = await store.Tracing.OverlapsAsync(site!, key, window.From, window.To, overlap, province, max, cancellationToken).ConfigureAwait(false);
        }

        var rows = checkIns.CheckIns.Count + (overlapping?.CheckIns.Count ?? 0);
        var parameters = TracingRows.Parameters(("site", site), ("key", key), ("from", TracingRows.Instant(window.From)), ("to", TracingRows.Instant(window.To)), ("format", csv ? "csv" : null));
        var data = new SiteVisits(site!, key, window, checkIns, visits, overlapping, options.Value.OverlapMinutes, csv);
        return await AuditedAsync(user, csv ? "tracing.export" : "tracing.site", Kind(parameters, csv, "site"), rows, data, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/tracing/exposures</c>: the newest exposures of the user's province, audited as tracing.exposures.</summary>
    public async Task<TracingAnswer<IReadOnlyList<TracingExposure>>> ExposuresAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var exposures = await store.Tracing.ExposuresAsync(ProvinceScope.Of(user), MaxExposures, cancellationToken).ConfigureAwait(false);
        return await AuditedAsync(user, "tracing.exposures", TracingRows.Parameters(), exposures.Count, exposures, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/tracing/risk</c>: per exposure the people there in its window, audited as tracing.risk (tracing.export for CSV).</summary>
    public async Task<TracingAnswer<RiskView>> RiskAsync(ClaimsPrincipal user, string? format, CancellationToken cancellationToken)
    {
        if (TracingInput.IsCsv(format) is not { } csv)
        {
            return TracingAnswer<RiskView>.Bad(TracingInput.FormatError);
        }

        var province = ProvinceScope.Of(user);
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

        var parameters = TracingRows.Parameters(("format", csv ? "csv" : null), ("export", csv ? "risk" : null));
        return await AuditedAsync(user, csv ? "tracing.export" : "tracing.risk", parameters, risks.Sum(r => r.People), new RiskView(risks, csv), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST /api/tracing/exposures</c>: marks a site for a window (at most 31 days) with a note, audited as tracing.exposure first.</summary>
    public async Task<TracingAnswer<TracingExposure>> MarkAsync(ClaimsPrincipal user, string? site, string? from, string? to, string? note, CancellationToken cancellationToken)
    {
        if (!TracingInput.IsSite(site))
        {
            return TracingAnswer<TracingExposure>.Bad(TracingInput.SiteError);
        }

        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
        {
            return TracingAnswer<TracingExposure>.Bad("from and to are required (ISO 8601 instants)");
        }

        if (!TracingWindow.TryParse(from, to, time.GetUtcNow(), PersonMax, PersonMax, out var window, out var error))
        {
            return TracingAnswer<TracingExposure>.Bad(error);
        }

        note ??= "";
        if (note.Length > TracingInput.MaxNoteLength)
        {
            return TracingAnswer<TracingExposure>.Bad($"note is at most {TracingInput.MaxNoteLength} characters");
        }

        if (await SiteAccessAsync(user, site!, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return TracingAnswer<TracingExposure>.Fail(refused.Status, refused.Error);
        }

        var provinces = await store.Tracing.SiteProvincesAsync(site!, cancellationToken).ConfigureAwait(false);
        var province = ProvinceScope.Of(user) ?? (provinces.Count == 1 ? provinces[0] : null);
        var name = user.Identity?.Name ?? "";
        var parameters = TracingRows.Parameters(("site", site), ("from", TracingRows.Instant(window.From)), ("to", TracingRows.Instant(window.To)), ("province", province));

        // The mark is audited first: an exposure that exists was audited.
        if (!await audit.AppendAsync(user, "tracing.exposure", parameters, 1, cancellationToken).ConfigureAwait(false))
        {
            return TracingAnswer<TracingExposure>.Fail(StatusCodes.Status503ServiceUnavailable, Unaudited);
        }

        var exposure = await store.Tracing.AddExposureAsync(site!, province, window.From, window.To, note, name, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Log.ExposureMarked(logger, exposure.Id, site!, name);
        return TracingAnswer<TracingExposure>.Ok(exposure);
    }

    /// <summary>The message when the audit log cannot be written.</summary>
    public const string Unaudited = "The audit log cannot be written, so no tracing data is returned.";

    /// <summary>404 for a site no device is registered at; 403 when the user's province has no device there; null when allowed.</summary>
    public async Task<(int Status, string Error)?> SiteAccessAsync(ClaimsPrincipal user, string site, CancellationToken cancellationToken)
    {
        var provinces = await store.Tracing.SiteProvincesAsync(site, cancellationToken).ConfigureAwait(false);
        if (provinces.Count == 0)
        {
            return (StatusCodes.Status404NotFound, $"no device is registered at site {site}");
        }

        return provinces.Any(user.MayActIn) ? null : (StatusCodes.Status403Forbidden, $"site {site} is outside your province");
    }

    private async Task<TracingAnswer<T>> AuditedAsync<T>(ClaimsPrincipal user, string action, IReadOnlyDictionary<string, string?> parameters, int rows, T data, CancellationToken cancellationToken)
        where T : class =>
        await audit.AppendAsync(user, action, parameters, rows, cancellationToken).ConfigureAwait(false)
            ? TracingAnswer<T>.Ok(data)
            : TracingAnswer<T>.Fail(StatusCodes.Status503ServiceUnavailable, Unaudited);

    private static Dictionary<string, string?> Kind(Dictionary<string, string?> parameters, bool csv, string kind)
    {
        if (csv)
        {
            parameters["export"] = kind;
        }

        return parameters;
    }
}
