using System.Globalization;

namespace ScanPoint.Hardware.Hid;

/// <summary>
/// Finds the evdev node of a USB device by vendor:product id through
/// <c>/sys/class/input/event*/device/id/{vendor,product}</c>, so the node can change across re-plugs.
/// When several nodes match (a scanner with more than one HID interface), the lowest-numbered one wins.
/// </summary>
public sealed class UsbEventDeviceLocator(string sysClassInput = "/sys/class/input", string devInput = "/dev/input")
{
    public string? Find(ushort vendorId, ushort productId)
    {
        if (!Directory.Exists(sysClassInput))
        {
            return null;
        }

        var matches =
            from entry in Directory.EnumerateFileSystemEntries(sysClassInput, "event*")
            let name = Path.GetFileName(entry)
            let number = int.TryParse(name.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue
            where ReadHex(Path.Combine(entry, "device", "id", "vendor")) == vendorId
                && ReadHex(Path.Combine(entry, "device", "id", "product")) == productId
            orderby number
            select Path.Combine(devInput, name);
        return matches.FirstOrDefault();
    }

    private static int? ReadHex(string file)
    {
        try
        {
            return int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
