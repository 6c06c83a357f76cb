using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tracing;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard.Pages;

/// <summary>
/// <c>/exposures</c> (policy Trace): the exposure sites of the user's province with the people at risk from each (the
/// API's risk view, audited as tracing.risk), and <c>POST /exposures</c> (site, from, to, note; antiforgery) marking a
/// site as in the API (audited as tracing.exposure before it is stored).
/// </summary>
[Authorize(Policy = FleetPolicies.Trace)]
public sealed class ExposuresModel : PageModel
{
    public string? Error { get; private set; }

    internal TracingQueries.RiskView? Risk { get; private set; }

    internal TracingExposure? Marked { get; private set; }

    public string? Site { get; private set; }

    public string? From { get; private set; }

    public string? To { get; private set; }

    public string? Note { get; private set; }

    public async Task OnGetAsync() => await LoadAsync().ConfigureAwait(false);

    public async Task OnPostAsync(string? site, string? from, string? to, string? note)
    {
        (Site, From, To, Note) = (site, from, to, note);
        var answer = await Queries.MarkAsync(User, site, from, to, note, HttpContext.RequestAborted).ConfigureAwait(false);
        if (answer.Data is null)
        {
            Error = answer.Error;
            Response.StatusCode = answer.Status;
            return;
        }

        Marked = answer.Data;
        (Site, From, To, Note) = (null, null, null, null);
        await LoadAsync().ConfigureAwait(false);
    }

    private TracingQueries Queries => HttpContext.RequestServices.GetRequiredService<TracingQueries>();

    private async Task LoadAsync()
    {
        var answer = await Queries.RiskAsync(User, null, HttpContext.RequestAborted).ConfigureAwait(false);
        Risk = answer.Data;
        if (answer.Data is null)
        {
            Error = answer.Error;
            Response.StatusCode = answer.Status;
        }
    }
}
