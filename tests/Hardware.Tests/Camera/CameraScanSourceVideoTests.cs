using ScanPoint.Hardware.Camera;
using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Hardware.Tests.Camera;

/// <summary>A recorded 1280x720 kiosk video through VideoCapture, the gate, zxing-cpp and the debouncer.</summary>
public sealed class CameraScanSourceVideoTests(RecordedVideoFixture video) : IClassFixture<RecordedVideoFixture>
{
    [Theory]
    [InlineData(30)]
    [InlineData(0)]
    public async Task ReadAsync_RecordedVideo_YieldsEachCodeOnceInOrder(double replayFps)
    {
        var options = CameraScanOptions.Parse($"camera:file={video.Path}?debounce=3s" + (replayFps > 0 ? $"&fps={replayFps}" : ""));
        var camera = new CameraScanSource(options, new ZxingQrDecoder(ZxingOptions.Frames), TimeProvider.System);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var scans = await CameraScanSourceTests.ReadAllAsync(camera);
        var elapsed = clock.Elapsed;

        Assert.Equal([RecordedVideoFixture.CodeA, RecordedVideoFixture.CodeB], scans.Select(scan => scan.Text));
        Assert.All(scans, scan => Assert.Equal($"camera:file={video.Path}", scan.Source));
        var stats = camera.Stats;
        Assert.Equal(RecordedVideoFixture.FrameCount, stats.FramesCaptured);
        Assert.Equal((1280, 720), (stats.FrameWidth, stats.FrameHeight));
        Assert.Equal(stats.FramesCaptured, stats.FramesDecoded + stats.FramesSkippedByGate + stats.FramesDropped);
        Assert.InRange(stats.FramesDecoded, 2, RecordedVideoFixture.FrameCount);
        Assert.True(stats.CodesFound >= 2, $"codes found {stats.CodesFound}");
        Assert.Equal(2, stats.ScansEmitted);
        Assert.Equal(0, stats.DecodeFailures);
        Assert.Null(stats.LastError);
        Assert.NotNull(stats.LastFrameAt);
        Assert.InRange(TimeProvider.System.GetUtcNow() - stats.LastFrameAt.Value, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.True(stats.FramesPerSecond > 1, $"fps {stats.FramesPerSecond}");
        Assert.True(stats.DecodeLatencyMean > TimeSpan.Zero && stats.DecodeLatencyP99 >= stats.DecodeLatencyMean / 2);
        if (replayFps > 0)
        {
            Assert.True(stats.FramesSkippedByGate > 0, "a paced video with still scenes should let the gate skip frames");
            // Paced, the video cannot be read faster than it plays. A rate window is no test of that: under load it read
            // 16.9 fps, and catching up after a stall 48-50 fps; how close a machine gets to the pace is a benchmark figure.
            var plays = TimeSpan.FromSeconds((RecordedVideoFixture.FrameCount - 1) / replayFps);
            Assert.True(elapsed >= plays * 0.9, $"read in {elapsed}, the video plays {plays}");
        }
    }
}
