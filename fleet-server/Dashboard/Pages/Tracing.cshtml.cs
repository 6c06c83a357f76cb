using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPoint.FleetServer.Tracing;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard.Pages;

/// <summary>
/// <c>/tracing</c> (policy Trace): a person's visits (<c>?q=person&amp;key=&amp;from=&amp;to=</c>, default the last
/// 14 days) or a site's check-ins and who overlapped a person there (<c>?q=site&amp;site=&amp;from=&amp;to=[&amp;key=]</c>,
/// default the last 2 hours). Runs the API's own <see cref="TracingQueries"/>: same province scope, same audit entry
/// before any row is shown (no entry, no rows, an error).
/// </summary>
[Authorize(Policy = FleetPolicies.Trace)]
public sealed class TracingModel : PageModel
{
    public string? Query { get; private set; }

    public string? Key { get; private set; }

    public string? Site { get; private set; }

    public string? From { get; private set; }

    public string? To { get; private set; }

    public string? Error { get; private set; }

    internal TracingQueries.PersonVisits? Person { get; private set; }

    internal TracingQueries.SiteVisits? SiteResult { get; private set; }

    /// <summary>The API address of the same query as CSV.</summary>
    public string? CsvLink { get; private set; }

    public async Task OnGetAsync(string? q, string? key, string? site, string? from, string? to)
    {
        (Query, Key, Site, From, To) = (q, Blank(key), Blank(site), Blank(from), Blank(to));
        var queries = HttpContext.RequestServices.GetRequiredService<TracingQueries>();
        var aborted = HttpContext.RequestAborted;
        if (q == "person")
        {
            var answer = await queries.PersonAsync(User, Key, From, To, null, aborted).ConfigureAwait(false);
            Person = Take(answer);
            if (Person is { } p)
            {
                CsvLink = Link("/api/tracing/person", ("key", p.Key), ("from", TracingRows.Instant(p.Window.From)), ("to", TracingRows.Instant(p.Window.To)));
            }
        }
        else if (q == "site")
        {
            var answer = await queries.SiteAsync(User, Site, Key, From, To, null, aborted).ConfigureAwait(false);
            SiteResult = Take(answer);
            if (SiteResult is { } s)
            {
                CsvLink = Link("/api/tracing/site", ("site", s.Site), ("key", s.Key), ("from", TracingRows.Instant(s.Window.From)), ("to", TracingRows.Instant(s.Window.To)));
            }
        }
        else if (q is not null)
        {
            Error = "q is person or site";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>An instant as the page shows it (UTC).</summary>
    public static string Show(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private T? Take<T>(TracingAnswer<T> answer)
        where T : class
    {
        if (answer.Data is null)
        {
            Error = answer.Error;
            Response.StatusCode = answer.Status;
        }

        return answer.Data;
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string Link(string path, params (string Name, string? Value)[] values) =>
        path + "?" + string.Join("&", values.Where(v => v.Value is not null).Select(v => v.Name + "=" + Uri.EscapeDataString(v.Value!)).Append("format=csv"));
}
