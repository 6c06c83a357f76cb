using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tests.Users;

/// <summary>
/// Accounts for tests: made through the store like <c>users add</c>, with a random password. The hash uses 1,000
/// PBKDF2 iterations instead of the default 100,000 (the count is stored in the hash, so the server verifies it the
/// same way) because fixtures poll the API with HTTP Basic many times a second.
/// </summary>
internal static class FleetAccounts
{
    /// <summary>The administrator every test fleet starts with.</summary>
    public const string AdminName = "test-admin";

    private static readonly PasswordHasher<string> Hasher = new(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));

    /// <summary>Adds an account and returns its password.</summary>
    public static async Task<string> AddAsync(IFleetStore store, string name, string role, string? province)
    {
        ArgumentNullException.ThrowIfNull(store);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var added = await store.Users.AddAsync(new UserRecord(name, role, province, Hasher.HashPassword(name, password), 0, null), DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.True(added, $"user {name} already exists");
        return password;
    }

    /// <summary>Adds the fleet's administrator (all provinces) and returns its password.</summary>
    public static Task<string> AddAdminAsync(IFleetStore store) => AddAsync(store, AdminName, UserRoles.Admin, null);

    /// <summary><c>Authorization: Basic base64(name:password)</c>.</summary>
    public static AuthenticationHeaderValue Basic(string name, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{password}")));

    /// <summary>A client of the fleet's plain HTTP endpoint that signs in as <paramref name="name"/> on every request.</summary>
    public static HttpClient Client(int httpPort, string name, string password) =>
        new() { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), DefaultRequestHeaders = { Authorization = Basic(name, password) } };
}
