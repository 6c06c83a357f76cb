using System.Text.Json;

namespace ScanPoint.Kiosk.Management;

/// <summary>
/// The last <c>kiosk selftest</c> run by a technician, kept in <see cref="FileName"/> in the data folder so the running
/// kiosk can tell the fleet (alert <see cref="AlertConditions.SelftestFailed"/> while the last run failed). Check
/// names and details only: nothing personal.
/// </summary>
internal sealed record LastSelftest(DateTimeOffset At, bool Passed, IReadOnlyList<string> Failed)
{
    public const string FileName = "selftest-last.json";

    /// <summary>A larger file is not ours.</summary>
    private const int MaxBytes = 16 * 1024;

    public static void Save(string dataDir, LastSelftest result)
    {
        ArgumentNullException.ThrowIfNull(result);
        AtomicFile.Write(Path.Combine(dataDir, FileName), JsonSerializer.SerializeToUtf8Bytes(result));
    }

    /// <summary>The saved result; null when there is none or it is unreadable (a torn or foreign file is ignored).</summary>
    public static LastSelftest? Load(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxBytes)
            {
                return null;
            }

            return JsonSerializer.Deserialize<LastSelftest>(File.ReadAllBytes(path)) is { Failed: not null } last ? last : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
