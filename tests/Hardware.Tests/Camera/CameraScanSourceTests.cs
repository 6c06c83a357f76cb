using ScanPoint.Hardware.Camera;
using ScanPoint.Hardware.Decoding;
using ScanPoint.Hardware.Scanning;
using ScanPoint.TestKit;

namespace ScanPoint.Hardware.Tests.Camera;

/// <summary>The capture/decode pipeline with fake frames and decoders (real threads, real time, no sleeps).</summary>
public sealed class CameraScanSourceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly CameraScanOptions EveryChange = new() { ChangeThreshold = 1, Debounce = TimeSpan.FromSeconds(3) };

    [Fact]
    public async Task ReadAsync_SlowDecoder_DropsFramesAndDecodesTheNewest()
    {
        using var decoding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var source = new FakeFrameSource(320, 240, frames: 1000)
        {
            BeforeFrame = n => Assert.True(n != 2 || decoding.Wait(Timeout), "the decoder never took frame 1"),
        };
        var decoder = new FakeQrDecoder(frame =>
        {
            decoding.Set();
            Assert.True(frame != 1 || release.Wait(Timeout), "the test never released the decoder");
            return [];
        });
        var camera = new CameraScanSource(EveryChange, () => source, decoder, TimeProvider.System);

        var reading = ReadAllAsync(camera);
        await Eventually.TrueAsync(() => source.Ended, Timeout, "the source to deliver all its frames");
        release.Set();
        var scans = await reading;

        Assert.Empty(scans);
        Assert.Equal([1L, 1000L], decoder.Seen);
        Assert.InRange(source.DistinctBuffers, 2, 3);
        Assert.True(source.Disposed);
        var stats = camera.Stats;
        Assert.Equal(1000, stats.FramesCaptured);
        Assert.Equal(2, stats.FramesDecoded);
        Assert.Equal(998, stats.FramesDropped);
        Assert.Equal(0, stats.FramesSkippedByGate);
        Assert.True(stats.FramesPerSecond > 0);
    }

    [Fact]
    public async Task ReadAsync_SameCodeInManyFrames_EmitsOneScanPerCode()
    {
        var source = new FakeFrameSource(64, 48, frames: 300);
        var decoder = new FakeQrDecoder(frame => frame switch
        {
            < 100 => [],
            < 200 => [FakeQrDecoder.Code("A")],
            _ => [FakeQrDecoder.Code("B"), FakeQrDecoder.Code("A")],
        });
        var camera = new CameraScanSource(EveryChange, () => source, decoder, TimeProvider.System);

        var scans = await ReadAllAsync(camera);

        Assert.All(scans, scan => Assert.Equal("camera:/dev/video0", scan.Source));
        var texts = scans.Select(scan => scan.Text).ToList();
        Assert.True(texts.SequenceEqual(["A", "B"]) || (decoder.Seen.All(f => f is < 100 or >= 200) && texts.SequenceEqual(["B", "A"])), string.Join(",", texts));
        Assert.Equal(texts.Count, camera.Stats.ScansEmitted);
    }

    [Fact]
    public async Task ReadAsync_SourceFails_ThrowsItsError()
    {
        var source = new FakeFrameSource(64, 48, frames: 5) { FailWith = new IOException("camera unplugged") };
        var camera = new CameraScanSource(EveryChange, () => source, new FakeQrDecoder(_ => []), TimeProvider.System);

        var error = await Assert.ThrowsAsync<IOException>(() => ReadAllAsync(camera));

        Assert.Equal("camera unplugged", error.Message);
        Assert.Contains("camera unplugged", camera.Stats.LastError, StringComparison.Ordinal);
        Assert.Equal(0, camera.Stats.DecodeFailures);
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task ReadAsync_DecoderKeepsThrowing_ThrowsAfterTheLimit()
    {
        var source = new FakeFrameSource(64, 48, frames: long.MaxValue);
        var camera = new CameraScanSource(EveryChange, () => source, new FakeQrDecoder(_ => throw new InvalidOperationException("decoder broken")), TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAllAsync(camera));

        Assert.Equal("decoder broken", error.Message);
        Assert.Equal(CameraScanSource.MaxConsecutiveDecodeFailures, camera.Stats.DecodeFailures);
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_StopsCaptureAndDisposesSource()
    {
        var source = new FakeFrameSource(64, 48, frames: long.MaxValue);
        var camera = new CameraScanSource(EveryChange, () => source, new FakeQrDecoder(_ => []), TimeProvider.System);
        using var cancel = new CancellationTokenSource();

        var reading = ReadAllAsync(camera, cancel.Token);
        await Eventually.TrueAsync(() => camera.Stats.FramesDecoded > 3, Timeout, "a few decodes");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.True(source.Disposed);
        var captured = source.FramesRead;
        Assert.Equal(captured, camera.Stats.FramesCaptured);
    }

    [Fact]
    public async Task ReadAsync_MissingDevice_Throws()
    {
        var camera = new CameraScanSource(CameraScanOptions.Parse("camera:/dev/video-scanpoint-missing?driver=v4l2"), new FakeQrDecoder(_ => []), TimeProvider.System);

        await Assert.ThrowsAsync<FileNotFoundException>(() => ReadAllAsync(camera));
    }

    internal static async Task<List<ScanEvent>> ReadAllAsync(CameraScanSource camera, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var scans = new List<ScanEvent>();
        await foreach (var scan in camera.ReadAsync(timeout.Token))
        {
            scans.Add(scan);
        }

        return scans;
    }
}
