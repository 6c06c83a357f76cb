using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace ScanPoint.FleetServer.Users;

/// <summary>
/// Registers sign-in and role-based authorization. One policy scheme, <see cref="SchemeName"/>, picks HTTP Basic when
/// the request carries <c>Authorization: Basic</c> (scripts, tests) and the dashboard's cookie otherwise. The cookie is
/// HttpOnly, SameSite=Strict, 8 h sliding; an API request without a valid sign-in gets 401/403, a page gets the
/// sign-in redirect. Cookie-authenticated API writes also need the <c>X-Requested-With</c> header
/// (<see cref="CookieWriteRequirement"/>).
/// </summary>
internal static class UsersExtensions
{
    public const string SchemeName = "fleet";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Where the dashboard signs people in.</summary>
    public const string SignInPath = "/signin";

    public static WebApplicationBuilder AddUsers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PasswordCheck>();
        builder.Services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "Basic or cookie", o => o.ForwardDefaultSelector = context =>
                IsBasic(context.Request) ? PasswordAuthentication.SchemeName : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, PasswordAuthentication>(PasswordAuthentication.SchemeName, null)
            .AddCookie(CookieScheme, o =>
            {
                o.LoginPath = SignInPath;
                o.Cookie.Name = "scanpoint.fleet";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddAuthorization(FleetPolicies.Add);
        builder.Services.AddSingleton<IAuthorizationHandler, CookieWriteRequirement>();
        return builder;
    }

    /// <summary>True when the request signs in with HTTP Basic (the policy scheme then ignores any cookie).</summary>
    public static bool IsBasic(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);

    /// <summary>API paths answer with a status; pages are redirected.</summary>
    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
