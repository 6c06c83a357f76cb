using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard.Pages;

/// <summary>
/// <c>/signin</c>: name and password, checked by <see cref="PasswordCheck"/> (the same accounts, hashes and lockout as
/// HTTP Basic); success sets the dashboard cookie and goes back to the page asked for (local paths only).
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(PasswordCheck check, ILogger<SignInModel> logger) : PageModel
{
    private const int MaxInput = 256;

    public string? Refusal { get; private set; }

    public string? Name { get; private set; }

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl)
    {
        (Name, ReturnUrl) = (name?.Length <= MaxInput ? name : null, returnUrl);
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password) || name.Length > MaxInput || password.Length > MaxInput)
        {
            Refusal = "signin.missing";
            return Page();
        }

        var (identity, refusal) = await check.CheckAsync(name, password, UsersExtensions.CookieScheme, HttpContext.RequestAborted).ConfigureAwait(false);
        if (identity is null)
        {
            Log.DashboardSignInRefused(logger, name, refusal!);
            Refusal = refusal == "account locked" ? "signin.locked" : "signin.wrong";
            return Page();
        }

        await HttpContext.SignInAsync(UsersExtensions.CookieScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        Log.DashboardSignedIn(logger, name);
        return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
