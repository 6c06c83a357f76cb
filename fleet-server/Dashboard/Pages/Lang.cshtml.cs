using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ScanPoint.FleetServer.Dashboard.Pages;

/// <summary><c>POST /lang</c> (to, back): remembers the chosen language in the <c>lang</c> cookie for a year and goes back.</summary>
public sealed class LangModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(string? to, string? back)
    {
        if (to is null || !Language.All.Contains(to))
        {
            return BadRequest("to must be vi or en");
        }

        Response.Cookies.Append(Language.CookieName, to, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        return LocalRedirect(back is not null && Url.IsLocalUrl(back) ? back : "/");
    }
}
