using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ScanPoint.FleetServer.Users;

/// <summary>
/// HTTP Basic sign-in for the JSON API (scripts, tests) against the users table through <see cref="PasswordCheck"/>
/// (hashes, lockout); the dashboard's cookie sign-in checks the same accounts the same way.
/// </summary>
internal sealed class PasswordAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder, PasswordCheck check)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "Basic";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) || header.Scheme != SchemeName || header.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }

        string[] pair;
        try
        {
            pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("malformed credentials");
        }

        if (pair.Length != 2)
        {
            return AuthenticateResult.Fail("malformed credentials");
        }

        var (identity, refusal) = await check.CheckAsync(pair[0], pair[1], SchemeName, Context.RequestAborted).ConfigureAwait(false);
        return identity is null
            ? AuthenticateResult.Fail(refusal!)
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"ScanPoint fleet\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
