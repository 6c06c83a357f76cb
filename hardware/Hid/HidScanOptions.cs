using System.Globalization;

namespace ScanPoint.Hardware.Hid;

/// <summary>
/// How to read a USB HID keyboard-wedge imager: the evdev node (a path, or a USB vendor:product id looked up in
/// sysfs at every (re)start), its keyboard layout, terminators and limits.
/// Specs: <c>hid:/dev/input/by-id/usb-XYZ-event-kbd?layout=de&amp;terminator=tab</c>, <c>hid:usb=05e0:1200</c>;
/// options <c>layout</c> (us, de, fr), <c>terminator</c> (enter, tab, "enter,tab", none), <c>maxlength</c>,
/// <c>interkey</c> (a duration, or off), <c>grab</c> (true, false) and <c>poll</c> (hot-plug poll interval).
/// </summary>
public sealed record HidScanOptions
{
    /// <summary>The largest QR code holds 4296 alphanumeric characters.</summary>
    public const int DefaultMaxScanLength = 4296;

    public string? DevicePath { get; init; }

    public ushort? UsbVendorId { get; init; }

    public ushort? UsbProductId { get; init; }

    public KeyboardLayout Layout { get; init; } = KeyboardLayout.Us;

    public HidTerminators Terminators { get; init; } = HidTerminators.Enter;

    public int MaxScanLength { get; init; } = DefaultMaxScanLength;

    /// <summary>Ends a scan when no key came for this long (for scanners without a terminator); null is off.</summary>
    public TimeSpan? InterKeyTimeout { get; init; }

    /// <summary>
    /// Take the device exclusively (EVIOCGRAB) so scans do not also type into the console. A node that is not an
    /// evdev device fails the grab with ENOTTY and the source throws; <c>grab=false</c> reads any file or FIFO.
    /// </summary>
    public bool Grab { get; init; } = true;

    /// <summary>How often to look again for a device that is not plugged in yet.</summary>
    public TimeSpan DevicePollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A short name for logs: <c>hid:/dev/input/…</c> or <c>hid:usb=05e0:1200</c>.</summary>
    public string Name => DevicePath is not null
        ? $"hid:{DevicePath}"
        : string.Create(CultureInfo.InvariantCulture, $"hid:usb={UsbVendorId:x4}:{UsbProductId:x4}");

    public static HidScanOptions Parse(string spec)
    {
        var parsed = ScanSpec.Parse(spec, "hid");
        var options = parsed.Target.StartsWith("usb=", StringComparison.OrdinalIgnoreCase)
            ? UsbTarget(parsed.Target[4..])
            : new HidScanOptions { DevicePath = parsed.Target };
        var layoutName = parsed.Take("layout");
        options = options with
        {
            Layout = layoutName is null ? KeyboardLayout.Us
                : KeyboardLayout.Find(layoutName) ?? throw parsed.Bad("layout", layoutName, "us, de or fr"),
            Terminators = ParseTerminators(parsed),
            MaxScanLength = parsed.TakeInt("maxlength", DefaultMaxScanLength, 1, 1 << 20),
            InterKeyTimeout = parsed.TakeDuration("interkey", null),
            Grab = parsed.TakeBool("grab", true),
            DevicePollInterval = parsed.TakeDuration("poll", TimeSpan.FromSeconds(1))
                ?? throw parsed.Bad("poll", "off", "a duration like 500ms"),
        };
        parsed.ThrowIfUnused();
        options.Validate();
        return options;
    }

    /// <summary>Throws if the options cannot work (no device, or no way to end a scan).</summary>
    public void Validate()
    {
        if (DevicePath is null && (UsbVendorId is null || UsbProductId is null))
        {
            throw new ArgumentException("hid source needs a device path or a USB vendor:product id", nameof(DevicePath));
        }

        if (Terminators == HidTerminators.None && InterKeyTimeout is null)
        {
            throw new ArgumentException("hid source with terminator=none needs an inter-key timeout (interkey=…)", nameof(InterKeyTimeout));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxScanLength, 1, nameof(MaxScanLength));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DevicePollInterval, TimeSpan.Zero, nameof(DevicePollInterval));
    }

    private static HidScanOptions UsbTarget(string ids)
    {
        var parts = ids.Split(':');
        return parts.Length == 2 && TryHex(parts[0], out var vendor) && TryHex(parts[1], out var product)
            ? new HidScanOptions { UsbVendorId = vendor, UsbProductId = product }
            : throw new ArgumentException($"hid spec usb='{ids}' is invalid: expected vendor:product in hex, like 05e0:1200");
    }

    private static bool TryHex(string text, out ushort value) =>
        ushort.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && text.Length == 4;

    private static HidTerminators ParseTerminators(ScanSpec parsed)
    {
        var text = parsed.Take("terminator");
        if (text is null)
        {
            return HidTerminators.Enter;
        }

        var terminators = HidTerminators.None;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            terminators |= part.ToUpperInvariant() switch
            {
                "ENTER" or "CR" => HidTerminators.Enter,
                "TAB" => HidTerminators.Tab,
                "NONE" => HidTerminators.None,
                _ => throw parsed.Bad("terminator", text, "enter, tab, \"enter,tab\" or none"),
            };
        }

        return terminators;
    }
}
