using System.Globalization;

namespace ScanPoint.Kiosk.Reporting;

/// <summary>
/// Counts this kiosk's starts in <c>boot-seq</c> in the data directory (written and fsync'd before the number is
/// used), so its presence messages carry an ever-growing boot number across restarts, kill -9 and power cuts.
/// </summary>
public static class BootCounter
{
    public const string FileName = "boot-seq";

    /// <summary>Reads the last boot number, stores the next one durably and returns it.</summary>
    public static long Next(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        var last = File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var read) ? read : 0;
        var next = last + 1;
        AtomicFile.Write(path, System.Text.Encoding.ASCII.GetBytes(next.ToString(CultureInfo.InvariantCulture)));
        return next;
    }
}
