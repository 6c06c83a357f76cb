using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Users;

/// <summary>
/// <c>fleet-server users add --name NAME --role ROLE [--province CODE]</c>: creates an account. With a password on
/// standard input (piped) it sets that one; otherwise it prints a random one-time password. There is no default
/// account and no default password: the first administrator is made here.
/// </summary>
internal static class UsersCommand
{
    public const int MinPasswordLength = 12;

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TimeProvider time, TextReader stdin, bool stdinRedirected)
    {
        var name = Value(args, "--name");
        var role = Value(args, "--role");
        var province = Value(args, "--province");
        if (args is not ["add", ..] || name is null || role is null || !DeviceCredential.IsName(name) || !UserRoles.All.Contains(role)
            || (province is not null && !DeviceCredential.IsName(province)))
        {
            Console.Error.WriteLine($"usage: fleet-server users add --name NAME --role {string.Join('|', UserRoles.All)} [--province CODE]   (a password may be piped in)");
            return 2;
        }

        var password = stdinRedirected ? (await stdin.ReadLineAsync().ConfigureAwait(false))?.Trim() : null;
        if (password is not null && password.Length < MinPasswordLength)
        {
            Console.Error.WriteLine($"users add: the password must have at least {MinPasswordLength} characters");
            return 2;
        }

        var oneTime = password is null;
        password ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        await using var store = await FleetStoreFactory.OpenAsync(options, CancellationToken.None).ConfigureAwait(false);
        var hash = new PasswordHasher<string>().HashPassword(name, password);
        if (!await store.Users.AddAsync(new UserRecord(name, role, province, hash, 0, null), time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false))
        {
            Console.Error.WriteLine($"users add: '{name}' already exists");
            return 1;
        }

        Console.WriteLine($"user {name} added: role {role}, {(province is null ? "all provinces" : "province " + province)}");
        if (oneTime)
        {
            Console.WriteLine("password (shown once):");
            Console.WriteLine(password);
        }

        return 0;
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i < args.Length - 1 ? args[i + 1] : null;
    }
}
