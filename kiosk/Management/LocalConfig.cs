using System.Text.Json;

namespace ScanPoint.Kiosk.Management;

/// <summary>
/// <c>config-local.json</c> in the data directory: settings changed on the device (<c>kiosk config set</c>), and the
/// locked keys among them that were changed with <c>--override-lock</c> (only those beat the province policy).
/// </summary>
internal sealed record LocalConfig(Dictionary<string, string> Settings, List<string> LockOverrides)
{
    public const string FileName = "config-local.json";

    public static LocalConfig Empty => new(new Dictionary<string, string>(StringComparer.Ordinal), []);

    /// <summary>The file's stamp (write time and length), to notice a change cheaply; 0 when there is none.</summary>
    public static long Stamp(string dataDir)
    {
        var file = new FileInfo(Path.Combine(dataDir, FileName));
        return file.Exists ? file.LastWriteTimeUtc.Ticks ^ (file.Length << 48) : 0;
    }

    /// <summary>The saved local settings; empty when there is no file or it cannot be read.</summary>
    public static LocalConfig Load(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        try
        {
            return File.Exists(path) && JsonSerializer.Deserialize<LocalConfig>(File.ReadAllBytes(path)) is { Settings: not null, LockOverrides: not null } local
                ? local with { Settings = new Dictionary<string, string>(local.Settings, StringComparer.Ordinal) }
                : Empty;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return Empty;
        }
    }

    public void Save(string dataDir) => AtomicFile.Write(Path.Combine(dataDir, FileName), JsonSerializer.SerializeToUtf8Bytes(this));
}
