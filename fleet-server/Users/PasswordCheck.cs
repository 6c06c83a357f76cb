using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Users;

/// <summary>
/// Checks a name and password against the users table for every way of signing in (HTTP Basic on the API, the
/// dashboard's sign-in form): PBKDF2 hashes (ASP.NET Core Identity's format); <see cref="MaxAttempts"/> wrong
/// passwords lock the account for <see cref="LockFor"/>, and a locked account is refused even with the right password.
/// A verified password is remembered for <see cref="RememberFor"/> as an HMAC (per-process random key) of the name, the
/// stored hash and the password, so a script polling with HTTP Basic does not pay a PBKDF2 derivation (~0.3 s of CPU
/// here) per request; the account is still read on every request, so a lock or a new hash applies at once, and a wrong
/// password is never remembered.
/// </summary>
public sealed class PasswordCheck(IFleetStore store, TimeProvider time)
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);
    private const int MaxRemembered = 4096;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _verified = new(StringComparer.Ordinal);

    /// <summary>The user's claims (name, role, province), or the reason the sign-in is refused.</summary>
    public async Task<(ClaimsIdentity? Identity, string? Refusal)> CheckAsync(string name, string password, string scheme, CancellationToken cancellationToken)
    {
        if (await store.Users.FindAsync(name, cancellationToken).ConfigureAwait(false) is not { } user)
        {
            return (null, "unknown user or wrong password");
        }

        var now = time.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
        {
            return (null, "account locked");
        }

        var fingerprint = Fingerprint(user, password);
        if (!(_verified.TryGetValue(fingerprint, out var remembered) && remembered > now))
        {
            if (new PasswordHasher<string>().VerifyHashedPassword(user.Name, user.PasswordHash, password) == PasswordVerificationResult.Failed)
            {
                await store.Users.FailedAsync(user.Name, MaxAttempts, now + LockFor, cancellationToken).ConfigureAwait(false);
                return (null, "unknown user or wrong password");
            }

            if (_verified.Count >= MaxRemembered)
            {
                _verified.Clear();
            }

            _verified[fingerprint] = now + RememberFor;
        }

        if (user.FailedAttempts > 0 || user.LockedUntil is not null)
        {
            await store.Users.SucceededAsync(user.Name, cancellationToken).ConfigureAwait(false);
        }

        List<Claim> claims = [new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role)];
        if (user.Province is not null)
        {
            claims.Add(new Claim(UserRoles.ProvinceClaim, user.Province));
        }

        return (new ClaimsIdentity(claims, scheme), null);
    }

    private string Fingerprint(UserRecord user, string password) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{user.Name}\n{user.PasswordHash}\n{password}")));
}
