using System.Text;
using System.Text.Json;

namespace ScanPoint.Kiosk.Management;

/// <summary>One local config change, as written to <c>config-audit.jsonl</c>.</summary>
internal sealed record ConfigAuditEntry(DateTimeOffset At, string User, string Key, string? Old, string? New, bool OverrideLock);

/// <summary>
/// The audit trail of local config changes: <c>config-audit.jsonl</c> in the data directory, one JSON line per change,
/// appended and fsync'd. Also answers when the last lock override happened (for the cool-down).
/// </summary>
internal static class ConfigAudit
{
    public const string FileName = "config-audit.jsonl";

    public static void Append(string dataDir, ConfigAuditEntry entry)
    {
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry) + "\n");
        using var file = new FileStream(Path.Combine(dataDir, FileName), FileMode.Append, FileAccess.Write, FileShare.Read);
        file.Write(line);
        file.Flush(flushToDisk: true);
    }

    public static IReadOnlyList<ConfigAuditEntry> Read(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        var entries = new List<ConfigAuditEntry>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            try
            {
                if (JsonSerializer.Deserialize<ConfigAuditEntry>(line) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (JsonException)
            {
                // a line torn by a power cut: the others still count
            }
        }

        return entries;
    }

    /// <summary>When a locked key was last changed with <c>--override-lock</c>, or null.</summary>
    public static DateTimeOffset? LastLockOverride(string dataDir) =>
        Read(dataDir).Where(e => e.OverrideLock).Select(e => (DateTimeOffset?)e.At).Max();
}
