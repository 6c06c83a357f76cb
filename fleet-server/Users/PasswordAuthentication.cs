using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Users;

/// <summary>
/// HTTP Basic sign-in for the JSON API against the users table: PBKDF2 hashes (ASP.NET Core Identity's format),
/// <see cref="MaxAttempts"/> wrong passwords lock the account for <see cref="LockFor"/> (a locked account is refused
/// even with the right password). The dashboard's cookie sign-in (next issue) checks the same accounts.
/// </summary>
internal sealed class PasswordAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder, IFleetStore store, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "Basic";
    public const int MaxAttempts = 5;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

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

        if (pair.Length != 2 || await store.Users.FindAsync(pair[0], Context.RequestAborted).ConfigureAwait(false) is not { } user)
        {
            return AuthenticateResult.Fail("unknown user or wrong password");
        }

        var now = time.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
        {
            return AuthenticateResult.Fail("account locked");
        }

        if (new PasswordHasher<string>().VerifyHashedPassword(user.Name, user.PasswordHash, pair[1]) == PasswordVerificationResult.Failed)
        {
            await store.Users.FailedAsync(user.Name, MaxAttempts, now + LockFor, Context.RequestAborted).ConfigureAwait(false);
            return AuthenticateResult.Fail("unknown user or wrong password");
        }

        if (user.FailedAttempts > 0 || user.LockedUntil is not null)
        {
            await store.Users.SucceededAsync(user.Name, Context.RequestAborted).ConfigureAwait(false);
        }

        List<Claim> claims = [new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role)];
        if (user.Province is not null)
        {
            claims.Add(new Claim(UserRoles.ProvinceClaim, user.Province));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"ScanPoint fleet\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
