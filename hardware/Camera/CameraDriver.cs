namespace ScanPoint.Hardware.Camera;

/// <summary>Which capture stack reads a camera device.</summary>
public enum CameraDriver
{
    /// <summary>OpenCV's <c>VideoCapture</c> when its native runtime loads here, otherwise the managed V4L2 capture.</summary>
    Auto,

    /// <summary>OpenCV's <c>VideoCapture</c> with the V4L2 backend (x86-64; also the only reader of video files).</summary>
    OpenCv,

    /// <summary>The managed V4L2 capture (<see cref="V4l2FrameSource"/>): no native dependency, for the Raspberry Pi.</summary>
    V4l2,
}
