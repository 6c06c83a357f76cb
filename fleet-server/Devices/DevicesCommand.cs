using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Management;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Devices;

/// <summary>
/// <c>fleet-server devices add --id ID --province CODE [--site SITE]</c>: registers a device in the configured store
/// and prints its credential on the last line. The secret is shown once and stored only as a hash.
/// </summary>
internal static class DevicesCommand
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TimeProvider time)
    {
        if (args is ["enroll", ..])
        {
            return await EnrollCommand.RunAsync(args, configuration, time).ConfigureAwait(false);
        }

        if (args is ["config", ..])
        {
            return await SettingsCommand.RunDeviceAsync(args, configuration, time).ConfigureAwait(false);
        }

        if (args is ["command", ..])
        {
            return await IssueCommand.RunAsync(args, configuration, time).ConfigureAwait(false);
        }

        if (args is ["revoke", ..])
        {
            return await RevokeAsync(args, configuration, time).ConfigureAwait(false);
        }

        if (args is not ["add", ..])
        {
            Console.Error.WriteLine("usage: fleet-server devices add --id ID --province CODE [--site SITE]");
            Console.Error.WriteLine("       fleet-server devices enroll --province CODE --site SITE [--qr FILE.png]");
            Console.Error.WriteLine("       fleet-server devices revoke --id ID");
            Console.Error.WriteLine("       fleet-server devices config --id ID [--set KEY=VALUE]... [--unset KEY]...");
            Console.Error.WriteLine("       fleet-server devices command --id ID --name reboot|refresh-trust|upload-logs|self-test [--expires 15m]");
            return 2;
        }

        var id = Value(args, "--id");
        var province = Value(args, "--province");
        var site = Value(args, "--site") ?? "default";
        if (id is null || province is null || !DeviceCredential.IsName(id) || !DeviceCredential.IsName(province) || !DeviceCredential.IsName(site))
        {
            Console.Error.WriteLine("devices add: --id and --province are required; ids are 1-64 of A-Z a-z 0-9 _ -");
            return 2;
        }

        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        await using var store = await FleetStoreFactory.OpenAsync(options, CancellationToken.None).ConfigureAwait(false);
        var credential = DeviceCredential.Create(id, province, site);
        var record = new DeviceRecord(id, province, site, DeviceCredential.HashSecret(credential.Secret), time.GetUtcNow());
        if (!await store.AddDeviceAsync(record, CancellationToken.None).ConfigureAwait(false))
        {
            Console.Error.WriteLine($"devices add: device '{id}' already exists");
            return 1;
        }

        Console.WriteLine($"device {id} added in province {province}, site {site}. Credential (shown once):");
        Console.WriteLine(credential.ToString());
        return 0;
    }

    /// <summary><c>devices revoke --id ID</c>: the broker refuses the device from now on and drops its connection within its check interval.</summary>
    private static async Task<int> RevokeAsync(string[] args, IConfiguration configuration, TimeProvider time)
    {
        if (Value(args, "--id") is not { } id)
        {
            Console.Error.WriteLine("usage: fleet-server devices revoke --id ID");
            return 2;
        }

        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        await using var store = await FleetStoreFactory.OpenAsync(options, CancellationToken.None).ConfigureAwait(false);
        if (!await store.RevokeDeviceAsync(id, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false))
        {
            Console.Error.WriteLine($"devices revoke: no device '{id}', or it is already revoked");
            return 1;
        }

        Console.WriteLine($"device {id} revoked: the broker refuses it from now on and disconnects it within its revocation check interval");
        return 0;
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i < args.Length - 1 ? args[i + 1] : null;
    }
}
