using System.Globalization;

namespace ScanPoint.Kiosk.Health;

/// <summary>
/// Reads the host's vital signs from Linux's pseudo-files and the data directory's file system. Every reading is
/// best effort: a missing or unreadable source gives null (or 0 for the disk), never an exception.
/// </summary>
internal static class HostReadings
{
    /// <summary>Zone types that name the CPU or SoC (Raspberry Pi: <c>cpu-thermal</c>; Intel: <c>x86_pkg_temp</c>).</summary>
    private static readonly string[] CpuZoneTypes = ["cpu", "soc", "pkg"];

    /// <summary>
    /// The CPU temperature in °C from <c>{thermalRoot}/thermal_zone*/temp</c> (millidegrees): the first zone whose
    /// <c>type</c> names the CPU, else the first readable zone; null without one.
    /// </summary>
    public static double? CpuTemperatureC(string thermalRoot)
    {
        string[] zones;
        try
        {
            zones = Directory.Exists(thermalRoot) ? Directory.GetDirectories(thermalRoot, "thermal_zone*") : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var ordered = zones.OrderBy(ZoneNumber).ToList();
        double? first = null;
        foreach (var zone in ordered)
        {
            if (ReadMillidegrees(Path.Combine(zone, "temp")) is not { } celsius)
            {
                continue;
            }

            var type = ReadText(Path.Combine(zone, "type"))?.Trim() ?? "";
            if (CpuZoneTypes.Any(t => type.Contains(t, StringComparison.OrdinalIgnoreCase)))
            {
                return celsius;
            }

            first ??= celsius;
        }

        return first;
    }

    /// <summary><c>MemAvailable</c> from <c>/proc/meminfo</c> (kB there) in bytes; null when absent or unparsable.</summary>
    public static long? MemoryAvailableBytes(string meminfoPath)
    {
        var text = ReadText(meminfoPath);
        if (text is null)
        {
            return null;
        }

        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line["MemAvailable:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
        }

        return null;
    }

    /// <summary>Free (for this user) and total bytes of the file system holding <paramref name="directory"/>; zeros if unknown.</summary>
    public static (long Free, long Total) Disk(string directory)
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(directory));
            return (drive.AvailableFreeSpace, drive.TotalSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (0, 0);
        }
    }

    private static double? ReadMillidegrees(string path) =>
        long.TryParse(ReadText(path)?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milli) ? milli / 1000.0 : null;

    private static string? ReadText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int ZoneNumber(string zoneDirectory) =>
        int.TryParse(Path.GetFileName(zoneDirectory)["thermal_zone".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
}
