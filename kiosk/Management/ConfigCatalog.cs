using System.Globalization;
using ScanPoint.Contracts.Wire;

namespace ScanPoint.Kiosk.Management;

/// <summary>
/// The settings a kiosk knows, with their defaults and validators. Durations are written <c>00:01:00</c> or with a unit
/// (<c>500ms</c>, <c>60s</c>, <c>5m</c>, <c>1h</c>). Keys under <c>policy.</c> are the province policy's: accepted as
/// bounded opaque strings.
/// </summary>
internal static class ConfigCatalog
{
    public const string HeartbeatInterval = "heartbeatInterval";
    public const string Mode = "mode";
    public const string DiskFreeMinPercent = "alerts.diskFreeMinPercent";
    public const string CpuTemperatureMaxC = "alerts.cpuTemperatureMaxC";
    public const string OutboxOldestMax = "alerts.outboxOldestMax";
    public const string RaiseAfter = "alerts.raiseAfter";
    public const string ClearAfter = "alerts.clearAfter";
    public const string ClockMaxSkew = "clock.maxSkew";
    public const string PolicyPrefix = "policy.";

    private static readonly Dictionary<string, (string Default, Func<string, string?> Validate)> Known = new(StringComparer.Ordinal)
    {
        [HeartbeatInterval] = ("00:01:00", v => Duration(v, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1))),
        [Mode] = ("venue", v => v is "venue" or "checkpoint" ? null : "must be venue or checkpoint"),
        [DiskFreeMinPercent] = ("10", v => Number(v, 0, 100)),
        [CpuTemperatureMaxC] = ("80", v => Number(v, 30, 120)),
        [OutboxOldestMax] = ("01:00:00", v => Duration(v, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7))),
        [RaiseAfter] = ("00:03:00", v => Duration(v, TimeSpan.Zero, TimeSpan.FromHours(1))),
        [ClearAfter] = ("00:10:00", v => Duration(v, TimeSpan.Zero, TimeSpan.FromHours(6))),
        [ClockMaxSkew] = ("00:02:00", v => Duration(v, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))),
    };

    /// <summary>Every catalog key (not the open-ended <c>policy.</c> keys), sorted.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. Known.Keys.Order(StringComparer.Ordinal)];

    public static string Default(string key) => Known[key].Default;

    /// <summary>Null when <paramref name="value"/> is acceptable for <paramref name="key"/>, else why not.</summary>
    public static string? Validate(string key, string? value)
    {
        if (!ManagementValidation.IsKey(key))
        {
            return "not a setting key";
        }

        if (value is null || value.Length > ManagementValidation.MaxValueLength)
        {
            return $"value longer than {ManagementValidation.MaxValueLength} characters";
        }

        if (key.StartsWith(PolicyPrefix, StringComparison.Ordinal))
        {
            return key.Length > PolicyPrefix.Length && value.All(c => !char.IsControl(c)) ? null : "policy value must be printable text";
        }

        return Known.TryGetValue(key, out var entry) ? entry.Validate(value) : "unknown setting";
    }

    /// <summary>Parses <c>hh:mm:ss</c> or a number with <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>.</summary>
    public static bool TryParseDuration(string? value, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        (string Suffix, double Ms)[] units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];
        foreach (var (suffix, ms) in units)
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(value[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
                && double.IsFinite(n) && n * ms < TimeSpan.MaxValue.TotalMilliseconds)
            {
                duration = TimeSpan.FromMilliseconds(n * ms);
                return true;
            }
        }

        return value.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }

    public static double ParseNumber(string value) => double.Parse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static string? Duration(string value, TimeSpan min, TimeSpan max) =>
        !TryParseDuration(value, out var d) ? "not a duration (00:01:00, 60s, 5m, 1h)"
        : d < min || d > max ? $"must be between {min:c} and {max:c}"
        : null;

    private static string? Number(string value, double min, double max) =>
        !double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n) ? "not a number"
        : n < min || n > max ? $"must be between {min} and {max}"
        : null;
}
