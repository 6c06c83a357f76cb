using OpenCvSharp;

namespace ScanPoint.Hardware.Camera;

/// <summary>Opens the frame source a <see cref="CameraScanOptions"/> names, choosing the capture stack for a device.</summary>
public static class FrameSources
{
    private static readonly Lazy<bool> OpenCvLoads = new(Probe);

    /// <summary>Whether OpenCvSharp's native runtime loads on this machine (it ships for linux-x64 only).</summary>
    public static bool IsOpenCvAvailable => OpenCvLoads.Value;

    /// <summary>The driver <see cref="Open"/> uses for a device under <paramref name="options"/>.</summary>
    public static CameraDriver ResolveDriver(CameraScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Driver != CameraDriver.Auto ? options.Driver
            : IsOpenCvAvailable ? CameraDriver.OpenCv
            : CameraDriver.V4l2;
    }

    /// <summary>Opens the file or device; throws when it is missing or cannot deliver frames.</summary>
    public static IFrameSource Open(CameraScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.File is not null)
        {
            return IsOpenCvAvailable
                ? VideoCaptureFrameSource.OpenFile(options.File)
                : throw new PlatformNotSupportedException($"{options.Name}: reading video files needs OpenCvSharp's native runtime, which does not load here");
        }

        var device = options.Device ?? throw new ArgumentException("camera options name neither a device nor a file", nameof(options));
        return ResolveDriver(options) == CameraDriver.OpenCv
            ? VideoCaptureFrameSource.OpenDevice(device, options.Width, options.Height)
            : V4l2FrameSource.Open(device, options.Width, options.Height);
    }

    private static bool Probe()
    {
        try
        {
            return !string.IsNullOrEmpty(Cv2.GetVersionString());
        }
        catch (Exception exception) when (exception is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
