using System.Globalization;
using Microsoft.Extensions.Options;
using ScanPoint.Kiosk.Management;
using ScanPoint.Kiosk.Reporting;

namespace ScanPoint.Kiosk.Commands;

/// <summary>
/// <c>kiosk config show --data-dir DIR</c> prints the effective settings and where each comes from;
/// <c>kiosk config set KEY=VALUE [--override-lock] --data-dir DIR</c> changes one locally (<c>config-local.json</c>,
/// picked up by the running kiosk within seconds and reported to the fleet as drift). A key the province policy locks
/// is refused unless <c>--override-lock</c>, allowed once per <c>Kiosk:LocalOverrideCooldown</c>. Every change is audited.
/// </summary>
internal static class ConfigCommand
{
    public const string Usage = "usage: kiosk config show --data-dir DIR | kiosk config set KEY=VALUE [--override-lock] --data-dir DIR";

    public static int Run(IReadOnlyList<string> args, TimeProvider time, TextWriter output, TextWriter error)
    {
        if (CommandLine.Value(args, "--data-dir") is not { } dataDir || args.Count == 0 || args[0] is not ("show" or "set"))
        {
            error.WriteLine(Usage);
            return 2;
        }

        var config = new KioskConfig(Options.Create(new KioskOptions { DataDir = dataDir }), Options.Create(new ReportingOptions()), time);
        if (args[0] == "show")
        {
            Show(config, LocalConfig.Load(dataDir), output);
            return 0;
        }

        if (args.Count < 2 || args[1].Split('=', 2) is not [{ Length: > 0 } key, var value])
        {
            error.WriteLine(Usage);
            return 2;
        }

        if (ConfigCatalog.Validate(key, value) is { } problem)
        {
            error.WriteLine($"config: {key}: {problem}");
            return 1;
        }

        var overrideLock = args.Contains("--override-lock");
        var locked = config.Desired?.Locked.Contains(key) == true;
        if (locked && !overrideLock)
        {
            error.WriteLine($"config: {key} is locked by the province policy (v{config.Desired!.PolicyVersion}); change it there, or use --override-lock (at most once per cool-down, audited)");
            return 1;
        }

        var cooldown = Cooldown(args);
        if (locked && ConfigAudit.LastLockOverride(dataDir) is { } last && last + cooldown > time.GetUtcNow())
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"config: a locked key was already overridden at {last:O}; the next override is allowed from {last + cooldown:O}"));
            return 1;
        }

        var local = LocalConfig.Load(dataDir);
        var old = config.Get(key);
        local.Settings[key] = value;
        if (locked && !local.LockOverrides.Contains(key))
        {
            local.LockOverrides.Add(key);
        }

        local.Save(dataDir);
        ConfigAudit.Append(dataDir, new ConfigAuditEntry(time.GetUtcNow(), Environment.UserName, key, old, value, locked));
        output.WriteLine($"{key}={value} set locally (was {old ?? "unset"}){(locked ? " overriding the province policy lock" : "")}; a running kiosk applies it within seconds");
        return 0;
    }

    private static void Show(KioskConfig config, LocalConfig local, TextWriter output)
    {
        var reported = config.Reported();
        output.WriteLine($"desired: device v{reported.DeviceVersion}, policy v{reported.PolicyVersion}");
        foreach (var (key, value) in reported.Effective)
        {
            var source = reported.LocalOverrides.ContainsKey(key) ? "local" : config.Desired?.Settings.ContainsKey(key) == true && reported.Rejected.All(r => r.Key != key) ? "fleet" : "default";
            var locked = config.Desired?.Locked.Contains(key) == true ? ", locked" : "";
            output.WriteLine($"{key} = {value} ({source}{locked})");
        }

        foreach (var rejection in reported.Rejected)
        {
            output.WriteLine($"rejected {rejection.Key}: {rejection.Reason}");
        }

        foreach (var (key, value) in local.Settings.Where(kv => !reported.LocalOverrides.ContainsKey(kv.Key)))
        {
            output.WriteLine($"ignored local {key} = {value} (invalid, or locked without --override-lock)");
        }
    }

    private static TimeSpan Cooldown(IReadOnlyList<string> args) =>
        (CommandLine.Value(args, "--Kiosk:LocalOverrideCooldown") ?? Environment.GetEnvironmentVariable("Kiosk__LocalOverrideCooldown")) is { } text
        && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var cooldown) ? cooldown : new KioskOptions().LocalOverrideCooldown;
}
