namespace ScanPoint.Hardware.Camera;

/// <summary>
/// A snapshot of a camera scan source's health since it was created (across restarts of its device).
/// <see cref="FramesDropped"/> counts frames overwritten by a newer one before the decode worker took them;
/// <see cref="FramesPerSecond"/> is the capture rate over the last 60 frames (check <see cref="LastFrameAt"/> to tell
/// a stalled camera from a live one); latencies cover the last 256 decodes.
/// </summary>
public sealed record CameraStats(
    long FramesCaptured,
    double FramesPerSecond,
    long FramesDecoded,
    long FramesSkippedByGate,
    long FramesDropped,
    long CodesFound,
    long ScansEmitted,
    long DecodeFailures,
    TimeSpan DecodeLatencyLast,
    TimeSpan DecodeLatencyMean,
    TimeSpan DecodeLatencyP99,
    int FrameWidth,
    int FrameHeight,
    DateTimeOffset? LastFrameAt,
    string? LastError);
