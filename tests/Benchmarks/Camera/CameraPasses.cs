using System.Diagnostics;
using ScanPoint.Hardware.Camera;
using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Benchmarks.Camera;

/// <summary>The passes over one video: OpenCV file reading alone, and the whole CameraScanSource loop.</summary>
internal static class CameraPasses
{
    /// <summary>The peer: VideoCaptureFrameSource reading every frame into a grey buffer (as the capture thread does), nothing else.</summary>
    public static CameraRun CaptureOnly(CameraVideo video)
    {
        using var source = VideoCaptureFrameSource.OpenFile(video.Path);
        var frame = new GreyImage(source.Width, source.Height);
        long frames = 0;
        var start = Stopwatch.GetTimestamp();
        while (source.ReadInto(frame))
        {
            frames++;
        }

        return new CameraRun(video.Name, "capture only (OpenCV VideoCapture)", frames, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>
    /// CameraScanSource from <c>camera:file=PATH</c> plus <paramref name="query"/>, with zxing-cpp frame options, read to
    /// the end of the video. Scans are "emitted (distinct expected codes among them / expected)".
    /// </summary>
    public static async Task<CameraRun> ScanSourceAsync(CameraVideo video, string run, string query, CancellationToken cancellationToken)
    {
        var options = CameraScanOptions.Parse($"camera:file={video.Path}{query}");
        var source = new CameraScanSource(options, new ZxingQrDecoder(ZxingOptions.Frames), TimeProvider.System);
        var read = new List<string>();
        var start = Stopwatch.GetTimestamp();
        await foreach (var scan in source.ReadAsync(cancellationToken))
        {
            read.Add(scan.Text);
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var stats = source.Stats;
        var expected = video.Expected;
        var found = read.Distinct(StringComparer.Ordinal).Count(expected.Contains);
        return new CameraRun(
            video.Name,
            run,
            stats.FramesCaptured,
            elapsed,
            stats.FramesDecoded,
            stats.FramesSkippedByGate,
            stats.FramesDropped,
            stats.DecodeLatencyMean.TotalMilliseconds,
            stats.DecodeLatencyP99.TotalMilliseconds,
            $"{read.Count} ({found}/{expected.Count})");
    }
}
