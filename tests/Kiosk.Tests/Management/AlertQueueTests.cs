using ScanPoint.Contracts.Management;
using ScanPoint.Kiosk.Management;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Management;

/// <summary>The durable alert queue: buffered offline and across restarts, published in order, bounded.</summary>
public sealed class AlertQueueTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("alert-queue");

    [Fact]
    public async Task PublishAsync_OfflineThenRestartThenOnline_PublishesInOrderAndEmpties()
    {
        var queue = new AlertQueue(_dir.Path);
        queue.Enqueue(AlertConditions.DiskLow, AlertChanged.Raised, "4% free", At);
        queue.Enqueue(AlertConditions.CpuHot, AlertChanged.Raised, "CPU 90 °C", At);
        Assert.Equal(0, await queue.PublishAsync((_, _) => Task.FromResult(false), CancellationToken.None)); // offline

        var restarted = new AlertQueue(_dir.Path);
        restarted.Enqueue(AlertConditions.DiskLow, AlertChanged.Cleared, "condition cleared", At);
        var published = new List<AlertChanged>();
        var sent = await restarted.PublishAsync((a, _) => { published.Add(a); return Task.FromResult(true); }, CancellationToken.None);

        Assert.Equal(3, sent);
        Assert.Equal([1L, 2L, 3L], published.Select(a => a.Seq));
        Assert.Equal([AlertConditions.DiskLow, AlertConditions.CpuHot, AlertConditions.DiskLow], published.Select(a => a.Kind));
        Assert.Empty(new AlertQueue(_dir.Path).Pending);
    }

    [Fact]
    public async Task PublishAsync_BrokerRefusesMidway_KeepsTheRestInOrder()
    {
        var queue = new AlertQueue(_dir.Path);
        for (var i = 0; i < 3; i++)
        {
            queue.Enqueue(AlertConditions.CpuHot, i % 2 == 0 ? AlertChanged.Raised : AlertChanged.Cleared, "t", At);
        }

        var calls = 0;
        Assert.Equal(1, await queue.PublishAsync((_, _) => Task.FromResult(++calls == 1), CancellationToken.None));

        Assert.Equal([2L, 3L], new AlertQueue(_dir.Path).Pending.Select(a => a.Seq));
    }

    [Fact]
    public void Enqueue_BeyondCapacity_DropsOldestAndCounts()
    {
        var queue = new AlertQueue(_dir.Path);
        for (var i = 0; i < AlertQueue.Capacity + 3; i++)
        {
            queue.Enqueue(AlertConditions.CpuHot, i % 2 == 0 ? AlertChanged.Raised : AlertChanged.Cleared, "t", At);
        }

        var reopened = new AlertQueue(_dir.Path);
        Assert.Equal(AlertQueue.Capacity, reopened.Pending.Count);
        Assert.Equal(4L, reopened.Pending[0].Seq);
        Assert.Equal(3, reopened.Dropped);
    }

    public void Dispose() => _dir.Dispose();
}
