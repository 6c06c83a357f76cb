using Microsoft.AspNetCore.Authorization;

namespace ScanPoint.FleetServer.Users;

/// <summary>
/// Part of every <see cref="FleetPolicies"/> policy: a write to <c>/api</c> (any method but GET, HEAD, OPTIONS)
/// authenticated by the dashboard's cookie must carry the <see cref="HeaderName"/> header. A cross-site form cannot
/// set a header, and a cross-site script that sets one needs a CORS preflight this server never grants, so a forged
/// request fails here even where SameSite=Strict is not honoured. HTTP Basic requests carry their credential
/// explicitly and are not subject to it; Razor page forms (outside <c>/api</c>) use antiforgery tokens.
/// </summary>
internal sealed class CookieWriteRequirement : AuthorizationHandler<CookieWriteRequirement>, IAuthorizationRequirement
{
    /// <summary>The header the dashboard's scripts send with API writes (any non-empty value).</summary>
    public const string HeaderName = "X-Requested-With";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CookieWriteRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Resource is not HttpContext http || Allowed(http.Request))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, $"cookie-authenticated API writes need the {HeaderName} header"));
        }

        return Task.CompletedTask;
    }

    /// <summary>True for reads, non-API paths, HTTP Basic requests and cookie requests with the header.</summary>
    public static bool Allowed(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !request.Path.StartsWithSegments("/api")
            || UsersExtensions.IsBasic(request)
            || !string.IsNullOrWhiteSpace(request.Headers[HeaderName]);
    }
}
