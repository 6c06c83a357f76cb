using ScanPoint.Hardware.Camera;

namespace ScanPoint.Hardware.Tests.Camera;

public sealed class LatestFrameTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TakeAsync_AfterSeveralPublishes_ReturnsTheNewestAndCountsDrops()
    {
        var frames = new LatestFrame(16, 8);
        var dropped = new List<bool>();
        for (var n = 1; n <= 3; n++)
        {
            frames.WriteBuffer.Pixels[0] = (byte)n;
            dropped.Add(frames.Publish(n, DateTimeOffset.UnixEpoch.AddSeconds(n)));
        }

        var frame = await frames.TakeAsync(CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal([false, true, true], dropped);
        Assert.NotNull(frame);
        Assert.Equal(3, frame.Sequence);
        Assert.Equal(3, frame.Image.Pixels[0]);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(3), frame.CapturedAt);
    }

    [Fact]
    public async Task TakeAsync_NothingPublished_WaitsForTheNextFrame()
    {
        var frames = new LatestFrame(16, 8);

        var taking = frames.TakeAsync(CancellationToken.None);
        Assert.False(taking.IsCompleted);
        frames.Publish(1, DateTimeOffset.UnixEpoch);

        Assert.Equal(1, (await taking.WaitAsync(Timeout))?.Sequence);
    }

    [Fact]
    public async Task TakeAsync_TakenFrameIsNotOverwrittenByLaterPublishes()
    {
        var frames = new LatestFrame(16, 8);
        frames.WriteBuffer.Pixels[0] = 1;
        frames.Publish(1, DateTimeOffset.UnixEpoch);
        var taken = await frames.TakeAsync(CancellationToken.None).WaitAsync(Timeout);

        for (var n = 2; n < 10; n++)
        {
            Assert.NotSame(taken!.Image, frames.WriteBuffer);
            frames.WriteBuffer.Pixels[0] = (byte)n;
            frames.Publish(n, DateTimeOffset.UnixEpoch);
        }

        Assert.Equal(1, taken!.Image.Pixels[0]);
    }

    [Fact]
    public async Task TakeAsync_Completed_ReturnsLastFrameThenNullAndKeepsTheFirstError()
    {
        var frames = new LatestFrame(16, 8);
        frames.Publish(1, DateTimeOffset.UnixEpoch);
        frames.Complete(new IOException("unplugged"));
        frames.Complete(null);

        Assert.Equal(1, (await frames.TakeAsync(CancellationToken.None).WaitAsync(Timeout))?.Sequence);
        Assert.Null(await frames.TakeAsync(CancellationToken.None).WaitAsync(Timeout));
        Assert.IsType<IOException>(frames.Error);
    }

    [Fact]
    public async Task TakeAsync_Cancelled_Throws()
    {
        var frames = new LatestFrame(16, 8);
        using var cancel = new CancellationTokenSource();

        var taking = frames.TakeAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => taking.WaitAsync(Timeout));
    }
}
