using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard.Pages;

/// <summary>
/// <c>/relay</c> (policy View): the relay outbox (entries waiting, age of the oldest) and its dead letters (of the
/// user's province); <c>POST /relay</c> replays the dead letters of the user's province (all for a user of every
/// province; policy Steer).
/// </summary>
[Authorize(Policy = FleetPolicies.View)]
public sealed class RelayModel(IFleetStore store, IAuthorizationService authorization, TimeProvider time, ILogger<RelayModel> logger) : PageModel
{
    public RelayBacklog Backlog { get; private set; } = null!;

    public IReadOnlyList<RelayDeadLetter> Letters { get; private set; } = [];

    public bool MayReplay { get; private set; }

    public int? Replayed { get; private set; }

    public TimeSpan? OldestAge => Backlog.OldestReceivedAt is { } at ? time.GetUtcNow() - at : null;

    public async Task OnGetAsync() => await LoadAsync().ConfigureAwait(false);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await MayReplayAsync().ConfigureAwait(false))
        {
            return Forbid();
        }

        Replayed = await store.ReplayDeadLettersAsync(ProvinceScope.Of(User), HttpContext.RequestAborted).ConfigureAwait(false);
        Log.DashboardReplayed(logger, User.Identity?.Name ?? "", Replayed.Value);
        await LoadAsync().ConfigureAwait(false);
        return Page();
    }

    private async Task<bool> MayReplayAsync() =>
        (await authorization.AuthorizeAsync(User, FleetPolicies.Steer).ConfigureAwait(false)).Succeeded;

    private async Task LoadAsync()
    {
        (Backlog, Letters) = await DashboardApi.RelayAsync(HttpContext, store, HttpContext.RequestAborted).ConfigureAwait(false);
        MayReplay = await MayReplayAsync().ConfigureAwait(false);
    }
}
