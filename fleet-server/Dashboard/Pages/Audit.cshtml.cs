using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tracing;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard.Pages;

/// <summary>
/// <c>/audit?user=&amp;from=&amp;to=&amp;before=</c> (policy Audit): the audit log newest first, <see cref="PageSize"/>
/// entries a page, read as <c>GET /api/audit</c> reads it.
/// </summary>
[Authorize(Policy = FleetPolicies.Audit)]
public sealed class AuditModel(IFleetStore store, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public string? UserFilter { get; private set; }

    public string? From { get; private set; }

    public string? To { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public long? NextBefore { get; private set; }

    public bool IsFirstPage { get; private set; } = true;

    public async Task OnGetAsync(string? user, string? from, string? to, string? before)
    {
        (UserFilter, From, To) = (Blank(user), Blank(from), Blank(to));
        IsFirstPage = Blank(before) is null;
        var answer = await AuditQuery.ReadAsync(store, time.GetUtcNow(), From, To, UserFilter, Blank(before), PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), HttpContext.RequestAborted).ConfigureAwait(false);
        if (answer.Data is not { } page)
        {
            Error = answer.Error;
            Response.StatusCode = answer.Status;
            return;
        }

        (Entries, NextBefore) = (page.Entries, page.NextBefore);
    }

    /// <summary>This filter's address, at the page before <paramref name="before"/> (null: the newest).</summary>
    public string Link(long? before) => "/audit?" + string.Join("&", new (string, string?)[] { ("user", UserFilter), ("from", From), ("to", To), ("before", before?.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
        .Where(p => p.Item2 is not null).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
