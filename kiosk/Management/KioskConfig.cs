using Microsoft.Extensions.Options;
using ScanPoint.Contracts.Management;
using ScanPoint.Contracts.Wire;
using ScanPoint.Kiosk.Reporting;

namespace ScanPoint.Kiosk.Management;

/// <summary>
/// The kiosk's side of the config twin. Effective value of a setting: the local one (<c>config-local.json</c>; for a
/// key the province policy locks only when set with <c>--override-lock</c>), else the fleet's desired one when valid,
/// else the catalog default. The accepted desired document is kept in the data directory (<c>config-desired.json</c>),
/// so it applies at the next boot even offline. Thread-safe; readers see a consistent snapshot.
/// </summary>
internal sealed class KioskConfig
{
    public const string DesiredFileName = "config-desired.json";

    private readonly Lock _lock = new();
    private readonly string _dataDir;
    private readonly TimeProvider _time;
    private readonly string _heartbeatDefault;
    private ConfigDesired? _desired;
    private IReadOnlyList<ConfigRejection> _rejected = [];
    private LocalConfig _local = LocalConfig.Empty;
    private long _localStamp;
    private volatile Snapshot _snapshot = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public KioskConfig(IOptions<KioskOptions> options, IOptions<ReportingOptions> reporting, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reporting);
        _dataDir = options.Value.DataDir;
        _time = time;
        _heartbeatDefault = reporting.Value.HeartbeatInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        var path = Path.Combine(_dataDir, DesiredFileName);
        if (File.Exists(path) && WireJson.TryDecode(File.ReadAllBytes(path), out ConfigDesired? saved, out _))
        {
            (_desired, _rejected) = (saved, Rejections(saved));
        }

        ReloadLocalIfChanged();
        Recompute();
    }

    public ConfigDesired? Desired => _desired;

    /// <summary>Every effective setting (catalog keys and the province policy's <c>policy.</c> keys).</summary>
    public IReadOnlyDictionary<string, string> Effective => _snapshot.Effective;

    /// <summary>The effective value of a catalog or policy key (null for an unknown key).</summary>
    public string? Get(string key) => _snapshot.Effective.GetValueOrDefault(key);

    public TimeSpan HeartbeatInterval => Duration(ConfigCatalog.HeartbeatInterval);

    public TimeSpan Duration(string key) =>
        ConfigCatalog.TryParseDuration(Get(key), out var d) ? d : ConfigCatalog.TryParseDuration(Default(key), out var fallback) ? fallback : TimeSpan.Zero;

    public double Number(string key) => ConfigCatalog.Validate(key, Get(key)) is null ? ConfigCatalog.ParseNumber(Get(key)!) : ConfigCatalog.ParseNumber(Default(key));

    /// <summary>
    /// Applies a desired document unless it is older (in either version) than the applied one, or the same versions
    /// again (a retained copy at reconnect): false then.
    /// </summary>
    public bool Apply(ConfigDesired desired, byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(desired);
        lock (_lock)
        {
            if (_desired is not null && (!desired.IsNotOlderThan(_desired) || (desired.DeviceVersion, desired.PolicyVersion) == (_desired.DeviceVersion, _desired.PolicyVersion)))
            {
                return false;
            }

            AtomicFile.Write(Path.Combine(_dataDir, DesiredFileName), encoded);
            (_desired, _rejected) = (desired, Rejections(desired));
            Recompute();
            return true;
        }
    }

    /// <summary>Reads <c>config-local.json</c> again when its stamp changed; true when it did.</summary>
    public bool ReloadLocalIfChanged()
    {
        lock (_lock)
        {
            var stamp = LocalConfig.Stamp(_dataDir);
            if (stamp == _localStamp)
            {
                return false;
            }

            (_localStamp, _local) = (stamp, LocalConfig.Load(_dataDir));
            Recompute();
            return true;
        }
    }

    public ConfigReported Reported()
    {
        lock (_lock)
        {
            var s = _snapshot;
            return new ConfigReported(ConfigReported.SchemaVersion, _desired?.DeviceVersion ?? 0, _desired?.PolicyVersion ?? 0, s.Effective, _rejected, s.LocalOverrides, _time.GetUtcNow());
        }
    }

    private string Default(string key) => key == ConfigCatalog.HeartbeatInterval ? _heartbeatDefault : ConfigCatalog.Default(key);

    private static List<ConfigRejection> Rejections(ConfigDesired desired) =>
        [.. desired.Settings.Where(kv => ConfigCatalog.Validate(kv.Key, kv.Value) is not null)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new ConfigRejection(kv.Key, ConfigCatalog.Validate(kv.Key, kv.Value)!))];

    private void Recompute()
    {
        var locked = _desired?.Locked.ToHashSet(StringComparer.Ordinal) ?? [];
        var local = _local.Settings
            .Where(kv => ConfigCatalog.Validate(kv.Key, kv.Value) is null && (!locked.Contains(kv.Key) || _local.LockOverrides.Contains(kv.Key)))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var desired = (_desired?.Settings ?? new Dictionary<string, string>())
            .Where(kv => ConfigCatalog.Validate(kv.Key, kv.Value) is null)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var keys = ConfigCatalog.Keys
            .Concat(desired.Keys.Concat(local.Keys).Where(k => k.StartsWith(ConfigCatalog.PolicyPrefix, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal))
            .Take(ManagementValidation.MaxSettings);
        var effective = keys.ToDictionary(k => k, k => local.GetValueOrDefault(k) ?? desired.GetValueOrDefault(k) ?? Default(k), StringComparer.Ordinal);
        _snapshot = new Snapshot(effective, local.Take(ManagementValidation.MaxSettings).ToDictionary(StringComparer.Ordinal));
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, string> Effective, IReadOnlyDictionary<string, string> LocalOverrides);
}
