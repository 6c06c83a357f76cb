using Microsoft.Extensions.Time.Testing;
using ScanPoint.Hardware.Camera;

namespace ScanPoint.Hardware.Tests.Camera;

public sealed class CameraCountersTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Snapshot_FramesEvery33Ms_ReportsThirtyFpsOverTheWindow()
    {
        var counters = new CameraCounters(_time);
        for (var i = 0; i < 200; i++)
        {
            counters.Captured(_time.GetUtcNow(), droppedPrevious: i % 4 == 0);
            _time.Advance(TimeSpan.FromSeconds(1.0 / 30));
        }

        var stats = counters.Snapshot();

        Assert.Equal(200, stats.FramesCaptured);
        Assert.Equal(50, stats.FramesDropped);
        Assert.Equal(30, stats.FramesPerSecond, precision: 3);
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromSeconds(1.0 / 30), stats.LastFrameAt);
    }

    [Fact]
    public void Snapshot_Latencies_ReportsLastMeanAndP99()
    {
        var counters = new CameraCounters(_time);
        for (var ms = 1; ms <= 100; ms++)
        {
            counters.Decoded(TimeSpan.FromMilliseconds(ms), codes: ms % 10 == 0 ? 1 : 0);
        }

        var stats = counters.Snapshot();

        Assert.Equal(100, stats.FramesDecoded);
        Assert.Equal(10, stats.CodesFound);
        Assert.Equal(TimeSpan.FromMilliseconds(100), stats.DecodeLatencyLast);
        Assert.Equal(TimeSpan.FromMilliseconds(50.5), stats.DecodeLatencyMean);
        Assert.Equal(TimeSpan.FromMilliseconds(99), stats.DecodeLatencyP99);
    }

    [Fact]
    public void Snapshot_Nothing_IsAllZero()
    {
        var stats = new CameraCounters(_time).Snapshot();

        Assert.Equal((0L, 0.0, 0L, 0L), (stats.FramesCaptured, stats.FramesPerSecond, stats.FramesDecoded, stats.DecodeFailures));
        Assert.Equal(TimeSpan.Zero, stats.DecodeLatencyP99);
        Assert.Null(stats.LastFrameAt);
        Assert.Null(stats.LastError);
    }

    [Fact]
    public void DecodeFailed_CountsAndKeepsTheLastError()
    {
        var counters = new CameraCounters(_time);

        counters.DecodeFailed(new InvalidOperationException("zxing-cpp failed: out of memory"));
        counters.DecodeFailed(new InvalidOperationException("zxing-cpp failed: again"));

        Assert.Equal(2, counters.Snapshot().DecodeFailures);
        Assert.Equal("InvalidOperationException: zxing-cpp failed: again", counters.Snapshot().LastError);
    }

    [Fact]
    public void Faulted_KeepsTheErrorWithoutCountingADecodeFailure()
    {
        var counters = new CameraCounters(_time);

        counters.Faulted(new TimeoutException("no frame"));

        Assert.Equal(0, counters.Snapshot().DecodeFailures);
        Assert.Equal("TimeoutException: no frame", counters.Snapshot().LastError);
    }
}
