using OpenCvSharp;
using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Hardware.Camera;

/// <summary>
/// Frames from OpenCV's <c>VideoCapture</c>: a V4L2 device (asked for MJPG, else YUYV, at the requested size) or a
/// recorded video file. Colour frames are converted to greyscale into the caller's buffer.
/// </summary>
public sealed class VideoCaptureFrameSource : IFrameSource
{
    private readonly VideoCapture _capture;
    private readonly Mat _frame = new();
    private readonly bool _isFile;

    private VideoCaptureFrameSource(VideoCapture capture, string name, bool isFile)
    {
        (_capture, Name, _isFile) = (capture, name, isFile);
        Width = capture.FrameWidth;
        Height = capture.FrameHeight;
        FourCc = capture.FourCC;
    }

    public string Name { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The pixel format the driver or file delivers, e.g. <c>MJPG</c> or <c>YUYV</c>.</summary>
    public string FourCc { get; }

    /// <summary>Opens a camera device such as <c>/dev/video0</c> through OpenCV's V4L2 backend.</summary>
    public static VideoCaptureFrameSource OpenDevice(string device, int width, int height)
    {
        ArgumentException.ThrowIfNullOrEmpty(device);
        if (!System.IO.File.Exists(device))
        {
            throw new FileNotFoundException($"camera device {device} does not exist", device);
        }

        var capture = new VideoCapture(device, VideoCaptureAPIs.V4L2);
        try
        {
            if (!capture.IsOpened())
            {
                throw new IOException($"camera device {device} could not be opened through OpenCV's V4L2 backend");
            }

            if (!capture.Set(VideoCaptureProperties.FourCC, VideoWriter.FourCC('M', 'J', 'P', 'G')))
            {
                capture.Set(VideoCaptureProperties.FourCC, VideoWriter.FourCC('Y', 'U', 'Y', 'V'));
            }

            capture.Set(VideoCaptureProperties.FrameWidth, width);
            capture.Set(VideoCaptureProperties.FrameHeight, height);
            return new VideoCaptureFrameSource(capture, "opencv:" + device, isFile: false);
        }
        catch
        {
            capture.Dispose();
            throw;
        }
    }

    /// <summary>Opens a recorded video (any container and codec OpenCV's runtime reads; MJPG in AVI always works).</summary>
    public static VideoCaptureFrameSource OpenFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"video file {path} does not exist", path);
        }

        var capture = new VideoCapture(path);
        if (!capture.IsOpened() || capture.FrameWidth <= 0 || capture.FrameHeight <= 0)
        {
            capture.Dispose();
            throw new InvalidDataException($"video file {path} could not be opened by OpenCV");
        }

        return new VideoCaptureFrameSource(capture, "file:" + path, isFile: true);
    }

    public bool ReadInto(GreyImage target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!_capture.Read(_frame) || _frame.Empty())
        {
            return _isFile ? false : throw new IOException($"{Name} stopped delivering frames");
        }

        Frames.CopyInto(_frame, target);
        return true;
    }

    public void Dispose()
    {
        _frame.Dispose();
        _capture.Dispose();
    }
}
