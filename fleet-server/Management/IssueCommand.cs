using System.Security.Cryptography;
using ScanPoint.Contracts.Management;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Management;

/// <summary>
/// <c>fleet-server devices command --id ID --name reboot|refresh-trust|upload-logs|self-test [--expires 15m]</c>: queues a
/// command; the running server sends it (again when the device comes back online) until the device answers or it
/// expires. Prints the command id; the result is at <c>GET /api/devices/{id}/commands</c>.
/// </summary>
internal static class IssueCommand
{
    private static readonly TimeSpan DefaultExpiry = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxExpiry = TimeSpan.FromDays(7);

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TimeProvider time)
    {
        var id = CommandArgs.Value(args, "--id");
        var name = CommandArgs.Value(args, "--name");
        var expires = CommandArgs.Value(args, "--expires") is { } text ? CommandArgs.Duration(text) : DefaultExpiry;
        if (id is null || name is null || !CommandIssued.Names.Contains(name) || expires is null || expires <= TimeSpan.Zero || expires > MaxExpiry)
        {
            Console.Error.WriteLine($"usage: fleet-server devices command --id ID --name {string.Join('|', CommandIssued.Names)} [--expires 15m (30s, 2h, 1d; at most 7d)]");
            return 2;
        }

        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        await using var store = await FleetStoreFactory.OpenAsync(options, CancellationToken.None).ConfigureAwait(false);
        var device = await store.FindDeviceAsync(id, CancellationToken.None).ConfigureAwait(false);
        if (device is null || device.RevokedAt is not null)
        {
            Console.Error.WriteLine($"devices command: no device '{id}', or it is revoked");
            return 1;
        }

        var commandId = "c" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var now = time.GetUtcNow();
        await store.Management.AddCommandAsync(commandId, id, name, now, now + expires.Value, CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine($"command {commandId} ({name}) queued for {id}; expires {now + expires.Value:O}");
        return 0;
    }
}
