namespace ScanPoint.Benchmarks.Camera;

/// <summary>
/// One measured pass over a video. Capture-only passes have no decode figures. Latencies are CameraStats' (the last
/// 256 decodes).
/// </summary>
internal sealed record CameraRun(
    string Video,
    string Run,
    long FramesCaptured,
    TimeSpan Elapsed,
    long? FramesDecoded = null,
    long? FramesSkipped = null,
    long? FramesDropped = null,
    double? DecodeMsMean = null,
    double? DecodeMsP99 = null,
    string? Scans = null)
{
    public double FramesPerSecond => FramesCaptured / Elapsed.TotalSeconds;
}
