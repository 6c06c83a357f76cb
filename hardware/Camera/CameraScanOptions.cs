using System.Globalization;

namespace ScanPoint.Hardware.Camera;

/// <summary>
/// What a <see cref="CameraScanSource"/> reads and how it gates, debounces and paces. Parsed from a scan-source spec:
/// <c>camera:/dev/video0?width=1280&amp;height=720&amp;debounce=3s</c> or <c>camera:file=/path/video.avi?fps=30</c>.
/// </summary>
public sealed record CameraScanOptions
{
    public const string Prefix = "camera:";

    /// <summary>The V4L2 device node; null when <see cref="File"/> is set.</summary>
    public string? Device { get; init; } = "/dev/video0";

    /// <summary>A recorded video read instead of a device (tests, demos, measurements).</summary>
    public string? File { get; init; }

    /// <summary>Requested frame width; the driver may pick the nearest size it supports.</summary>
    public int Width { get; init; } = 1280;

    /// <summary>Requested frame height.</summary>
    public int Height { get; init; } = 720;

    /// <summary>The same code seen again within this time of its last sighting yields no second event.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Which capture stack reads a device.</summary>
    public CameraDriver Driver { get; init; } = CameraDriver.Auto;

    /// <summary>Mean absolute difference (0–255) of 1/8 thumbnails that counts as a scene change worth decoding.</summary>
    public double ChangeThreshold { get; init; } = 3.0;

    /// <summary>An unchanged scene is still decoded this often, so a code held still is eventually read.</summary>
    public TimeSpan Redecode { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Files only: replay at this many frames per second; 0 reads frames as fast as they decode.</summary>
    public double ReplayFps { get; init; }

    /// <summary>The source's name, e.g. <c>camera:/dev/video0</c> or <c>camera:file=/path/video.avi</c>.</summary>
    public string Name => Prefix + (File is null ? Device : "file=" + File);

    /// <summary>Parses a spec; throws <see cref="ArgumentException"/> naming the part that is wrong.</summary>
    public static CameraScanOptions Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw Bad(spec, $"it does not start with '{Prefix}'");
        }

        var rest = spec[Prefix.Length..];
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var target = question < 0 ? rest : rest[..question];
        var options = ParseTarget(spec, target);
        if (question >= 0)
        {
            foreach (var part in rest[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                options = ParseOption(spec, options, part);
            }
        }

        if (options.File is not null && options.Driver == CameraDriver.V4l2)
        {
            throw Bad(spec, "driver=v4l2 reads devices only, not file=");
        }

        if (options.File is null && options.ReplayFps > 0)
        {
            throw Bad(spec, "fps applies to file= only");
        }

        return options;
    }

    private static CameraScanOptions ParseTarget(string spec, string target)
    {
        if (target.Length == 0)
        {
            return new CameraScanOptions();
        }

        if (target.StartsWith("file=", StringComparison.Ordinal))
        {
            var file = target["file=".Length..];
            return file.Length > 0 ? new CameraScanOptions { Device = null, File = file } : throw Bad(spec, "file= names no file");
        }

        return target.StartsWith('/')
            ? new CameraScanOptions { Device = target }
            : throw Bad(spec, $"'{target}' is neither a device path (/dev/videoN) nor file=PATH");
    }

    private static CameraScanOptions ParseOption(string spec, CameraScanOptions options, string part)
    {
        var equals = part.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw Bad(spec, $"option '{part}' is not key=value");
        }

        var (key, value) = (part[..equals], part[(equals + 1)..]);
        return key switch
        {
            "width" => options with { Width = Int(spec, key, value, 16, 8192) },
            "height" => options with { Height = Int(spec, key, value, 16, 8192) },
            "debounce" => options with { Debounce = Duration(spec, key, value) },
            "redecode" => options with { Redecode = Duration(spec, key, value) },
            "change" => options with { ChangeThreshold = Number(spec, key, value, 0, 255) },
            "fps" => options with { ReplayFps = Number(spec, key, value, 0, 1000) },
            "driver" => options with { Driver = ParseDriver(spec, value) },
            _ => throw Bad(spec, $"unknown option '{key}' (expected width, height, debounce, redecode, change, fps, driver)"),
        };
    }

    private static int Int(string spec, string key, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw Bad(spec, $"{key}='{value}' is not a whole number from {min} to {max}");

    private static double Number(string spec, string key, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw Bad(spec, $"{key}='{value}' is not a number from {min} to {max}");

    private static TimeSpan Duration(string spec, string key, string value)
    {
        var (digits, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 0.001)
            : value.EndsWith('s') ? (value[..^1], 1.0)
            : value.EndsWith('m') ? (value[..^1], 60.0)
            : (value, double.NaN);
        return !double.IsNaN(unit) && double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n * unit <= 3600
            ? TimeSpan.FromSeconds(n * unit)
            : throw Bad(spec, $"{key}='{value}' is not a duration such as 500ms, 3s or 1m");
    }

    private static CameraDriver ParseDriver(string spec, string value) => value switch
    {
        "auto" => CameraDriver.Auto,
        "opencv" => CameraDriver.OpenCv,
        "v4l2" => CameraDriver.V4l2,
        _ => throw Bad(spec, $"driver='{value}' is not auto, opencv or v4l2"),
    };

    private static ArgumentException Bad(string spec, string why) => new($"camera spec '{spec}': {why}", nameof(spec));
}
