using ScanPoint.Contracts.Management;

namespace ScanPoint.Contracts.Wire;

/// <summary>Bounds for the device-management messages (config, commands, alerts, logs); "" when valid.</summary>
public static class ManagementValidation
{
    public const int MaxSettings = 64;
    public const int MaxKeyLength = 64;
    public const int MaxValueLength = 1024;
    public const int MaxDetailLength = 16 * 1024;
    public const int MaxLineLength = 2000;

    /// <summary>A setting key: a lower-case letter, then letters, digits, '.' or '-'; at most 64.</summary>
    public static bool IsKey(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && char.IsAsciiLetterLower(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');

    /// <summary>A command or alert id/kind: 1-64 of A-Z a-z 0-9 _ - .</summary>
    public static bool IsToken(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    public static string Validate(ConfigDesired d) =>
        d.V != ConfigDesired.SchemaVersion || d.DeviceVersion < 0 || d.PolicyVersion < 0 ? "cfg: bad version"
        : Settings(d.Settings) is { Length: > 0 } problem ? problem
        : d.Locked is null || d.Locked.Count > MaxSettings || !d.Locked.All(IsKey) ? "cfg: bad locked keys"
        : "";

    public static string Validate(ConfigReported r) =>
        r.V != ConfigReported.SchemaVersion || r.DeviceVersion < 0 || r.PolicyVersion < 0 ? "cfg: bad version"
        : Settings(r.Effective) is { Length: > 0 } problem ? problem
        : Settings(r.LocalOverrides) is { Length: > 0 } local ? local
        : r.Rejected is null || r.Rejected.Count > MaxSettings || r.Rejected.Any(x => x is null || !IsKey(x.Key) || x.Reason is null || x.Reason.Length > MaxValueLength) ? "cfg: bad rejections"
        : "";

    public static string Validate(CommandIssued c) =>
        c.V != CommandIssued.SchemaVersion || !IsToken(c.Id) || !CommandIssued.Names.Contains(c.Name) ? "cmd: bad version, id or name" : "";

    public static string Validate(CommandCompleted c) =>
        c.V != CommandCompleted.SchemaVersion || !IsToken(c.Id) || !IsToken(c.Name) || !CommandCompleted.IsStatus(c.Status) || c.Detail is null || c.Detail.Length > MaxDetailLength
            ? "cmd/result: bad version, id, name, status or detail" : "";

    public static string Validate(AlertChanged a) =>
        a.V != AlertChanged.SchemaVersion || a.Seq < 1 || !IsToken(a.Kind) || a.State is not (AlertChanged.Raised or AlertChanged.Cleared) || a.Detail is null || a.Detail.Length > MaxValueLength
            ? "alert: bad version, seq, kind, state or detail" : "";

    public static string Validate(LogsUploaded l) =>
        l.V != LogsUploaded.SchemaVersion || !IsToken(l.CommandId) || l.Lines is null || l.Lines.Count > LogsUploaded.MaxLines || l.Lines.Any(x => x is null || x.Length > MaxLineLength)
            ? "logs: bad version, command id or lines" : "";

    private static string Settings(IReadOnlyDictionary<string, string>? settings) =>
        settings is null || settings.Count > MaxSettings ? $"cfg: at most {MaxSettings} settings"
        : settings.Any(kv => !IsKey(kv.Key) || kv.Value is null || kv.Value.Length > MaxValueLength) ? "cfg: bad setting key or value"
        : "";
}
