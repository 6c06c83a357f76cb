using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Hardware.Camera;

/// <summary>
/// A camera or a recorded video delivering greyscale frames of a fixed size, one at a time, to one reader thread.
/// </summary>
public interface IFrameSource : IDisposable
{
    /// <summary>A short name for logs and health, e.g. <c>v4l2:/dev/video0</c>.</summary>
    string Name { get; }

    /// <summary>Frame width in pixels, as negotiated with the driver or read from the file.</summary>
    int Width { get; }

    /// <summary>Frame height in pixels.</summary>
    int Height { get; }

    /// <summary>
    /// Blocks until the next frame and copies it into <paramref name="target"/> (which is <see cref="Width"/> by
    /// <see cref="Height"/>). Returns false at the end of a recorded video; throws when a device fails or stops
    /// delivering frames (the caller reopens the source).
    /// </summary>
    bool ReadInto(GreyImage target);
}
