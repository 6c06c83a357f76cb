using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Management;

/// <summary>
/// <c>fleet-server devices config --id ID [--set KEY=VALUE]... [--unset KEY]...</c> and
/// <c>fleet-server provinces policy --province CODE [--set KEY=VALUE]... [--unset KEY]...</c>: change a device's settings
/// or a province's policy (a new version; the running server publishes it within <c>Management:CheckInterval</c>), or
/// print them when nothing is to change. Policy keys are locked on the province's devices.
/// </summary>
internal static class SettingsCommand
{
    public static Task<int> RunDeviceAsync(string[] args, IConfiguration configuration, TimeProvider time) =>
        RunAsync(args, "--id", "devices config", configuration, time, policy: false);

    public static Task<int> RunPolicyAsync(string[] args, IConfiguration configuration, TimeProvider time) =>
        RunAsync(args, "--province", "provinces policy", configuration, time, policy: true);

    private static async Task<int> RunAsync(string[] args, string keyOption, string name, IConfiguration configuration, TimeProvider time, bool policy)
    {
        var key = CommandArgs.Value(args, keyOption);
        var valid = TryChanges(args, out var set, out var unset, out var problem);
        if (key is null || !DeviceCredential.IsName(key) || !valid)
        {
            Console.Error.WriteLine($"usage: fleet-server {name} {keyOption} {(policy ? "CODE" : "ID")} [--set KEY=VALUE]... [--unset KEY]...");
            Console.Error.WriteLine($"{name}: {problem ?? $"{keyOption} is required"}");
            return 2;
        }

        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        await using var store = await FleetStoreFactory.OpenAsync(options, CancellationToken.None).ConfigureAwait(false);
        if (!policy && await store.FindDeviceAsync(key, CancellationToken.None).ConfigureAwait(false) is null)
        {
            Console.Error.WriteLine($"{name}: no device '{key}'");
            return 1;
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = policy
                ? await store.Management.ProvincePolicyAsync(key, CancellationToken.None).ConfigureAwait(false)
                : await store.Management.DeviceSettingsAsync(key, CancellationToken.None).ConfigureAwait(false);
            if (set.Count == 0 && unset.Count == 0)
            {
                Print(name, key, current);
                return 0;
            }

            var next = new Dictionary<string, string>(current.Settings, StringComparer.Ordinal);
            unset.ForEach(k => next.Remove(k));
            foreach (var (k, v) in set)
            {
                next[k] = v;
            }

            if (next.Count > ManagementValidation.MaxSettings)
            {
                Console.Error.WriteLine($"{name}: at most {ManagementValidation.MaxSettings} settings");
                return 2;
            }

            var saved = policy
                ? await store.Management.SaveProvincePolicyAsync(key, current.Version, next, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false)
                : await store.Management.SaveDeviceSettingsAsync(key, current.Version, next, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            if (saved)
            {
                Print(name, key, new VersionedSettings(current.Version + 1, next));
                return 0;
            }
        }

        Console.Error.WriteLine($"{name}: '{key}' kept changing under us; try again");
        return 1;
    }

    private static bool TryChanges(string[] args, out Dictionary<string, string> set, out List<string> unset, out string? problem)
    {
        set = new Dictionary<string, string>(StringComparer.Ordinal);
        unset = [];
        problem = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--set")
            {
                var pair = args[i + 1].Split('=', 2);
                if (pair.Length != 2 || !ManagementValidation.IsKey(pair[0]) || pair[1].Length > ManagementValidation.MaxValueLength)
                {
                    problem = $"'{args[i + 1]}' is not KEY=VALUE (key: a lower-case letter, then letters, digits, '.', '-'; value up to {ManagementValidation.MaxValueLength} characters)";
                    return false;
                }

                set[pair[0]] = pair[1];
            }
            else if (args[i] == "--unset")
            {
                if (!ManagementValidation.IsKey(args[i + 1]))
                {
                    problem = $"'{args[i + 1]}' is not a setting key";
                    return false;
                }

                unset.Add(args[i + 1]);
            }
        }

        return true;
    }

    private static void Print(string name, string key, VersionedSettings settings)
    {
        Console.WriteLine($"{name} {key}: version {settings.Version}");
        foreach (var (k, v) in settings.Settings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {k}={v}");
        }
    }
}
