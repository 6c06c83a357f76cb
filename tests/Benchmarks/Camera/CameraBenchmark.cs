using ScanPoint.Benchmarks.Measuring;

namespace ScanPoint.Benchmarks.Camera;

/// <summary>
/// The kiosk's camera loop on recorded 1280x720 MJPG video: CameraScanSource (capture thread, latest-frame hand-off,
/// scene gate, zxing-cpp frame options, debounce) against OpenCV's VideoCapture reading the same file alone, unpaced
/// (as fast as it goes) and paced at the camera's 30 fps, with the scene gate on (the default) and off (change=0:
/// every frame taken is decoded). With <c>--one-core</c> the whole mode runs again pinned to CPU 0.
/// </summary>
internal static class CameraBenchmark
{
    private const double CameraFps = 30;

    private static readonly (string Run, string Query, bool Paced)[] Runs =
    [
        ("unpaced", "", false),
        ("unpaced, gate off (change=0)", "?change=0", false),
        ("fps=30", "?fps=30", true),
        ("fps=30, gate off (change=0)", "?fps=30&change=0", true),
    ];

    public static async Task<bool> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        using (var work = new WorkFolder(options.Folder, "camera"))
        {
            var videos = CameraVideos.Write(work.Path);
            Console.WriteLine($"videos written to {work.Path}: {string.Join(", ", videos.Select(v => $"{v.Name} ({v.Codes.Count} frames, {v.Expected.Count} codes)"))}");
            Console.WriteLine("decoder: ZxingQrDecoder(ZxingOptions.Frames); debounce 3 s, redecode 250 ms, change 3 (CameraScanOptions defaults)");

            // warm-up: JIT, OpenCV and zxing-cpp native libraries
            _ = CameraPasses.CaptureOnly(videos[0]);
            _ = await CameraPasses.ScanSourceAsync(videos[1], "warm-up", "?change=0", cancellationToken);

            var table = new ResultTable(
                $"Camera loop, 1280x720 MJPG, {Environment.ProcessorCount} core(s)",
                "video", "run", "frames", "frames/s", "vs peer", "decoded", "skipped by gate", "dropped", "decode ms mean", "decode ms p99", "scans (codes found / in video)");
            foreach (var video in videos)
            {
                var peer = Enumerable.Range(0, 3).Select(_ => CameraPasses.CaptureOnly(video)).MaxBy(r => r.FramesPerSecond)!;
                table.Add(video.Name, peer.Run, peer.FramesCaptured, peer.FramesPerSecond, "peer", null, null, null, null, null, null);
                foreach (var (run, query, paced) in Runs)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var r = await CameraPasses.ScanSourceAsync(video, run, query, cancellationToken);
                    var ratio = paced
                        ? ResultTable.Ratio(r.FramesPerSecond, CameraFps) + " of 30 fps"
                        : ResultTable.Ratio(r.FramesPerSecond, peer.FramesPerSecond) + " of capture only";
                    table.Add(video.Name, r.Run, r.FramesCaptured, r.FramesPerSecond, ratio,
                        r.FramesDecoded, r.FramesSkipped, r.FramesDropped, r.DecodeMsMean, r.DecodeMsP99, r.Scans);
                }
            }

            table.Print();
            Console.WriteLine();
            Console.WriteLine("frames/s = frames captured / wall time from open to end of video (capture only: the best of 3 passes); vs peer:");
            Console.WriteLine("unpaced against OpenCV reading the same file alone, paced against the 30 fps asked for; dropped = frames");
            Console.WriteLine("replaced before the decode worker took them; decode ms = CameraStats (last 256 decodes).");
        }

        return !options.OneCore || Environment.ProcessorCount == 1 || await PinnedRun.CameraOnCpu0Async(options, cancellationToken);
    }
}
