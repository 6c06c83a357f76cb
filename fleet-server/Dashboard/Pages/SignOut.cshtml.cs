using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard.Pages;

/// <summary><c>POST /signout</c>: drops the dashboard cookie and goes to <c>/signin</c>.</summary>
[AllowAnonymous]
public sealed class SignOutModel(ILogger<SignOutModel> logger) : PageModel
{
    public IActionResult OnGet() => Redirect(UsersExtensions.SignInPath);

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.Name is { } name)
        {
            Log.DashboardSignedOut(logger, name);
        }

        await HttpContext.SignOutAsync(UsersExtensions.CookieScheme).ConfigureAwait(false);
        return Redirect(UsersExtensions.SignInPath);
    }
}
