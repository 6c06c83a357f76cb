using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ScanPoint.FleetServer.Dashboard.Pages;

/// <summary>Where the cookie scheme sends a signed-in user refused a page (its default path): 403 with a short message.</summary>
[AllowAnonymous]
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
