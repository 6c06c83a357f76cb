using System.Reflection;
using LiteDB.Engine;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>
/// Makes a LiteDB 5.0 commit durable. <c>Commit()</c> returns once its pages are queued for a background
/// writer thread, which writes them to the log later. The barrier waits for that queue to drain (so the commit's
/// pages are in the log stream) and then syncs the log itself: one fsync per commit (LiteDB's own flush after
/// every page is a no-op on the log). LiteDB exposes no public hook for the wait, so it is reached by reflection;
/// the version is pinned in Directory.Packages.props and the power-loss tests prove the result.
/// </summary>
internal sealed class LiteDbCommitBarrier
{
    private readonly Action _waitForWriter;
    private readonly FaultTrackingStream _log;
    private readonly FaultTrackingStream _data;

    public LiteDbCommitBarrier(LiteEngine engine, FaultTrackingStream data, FaultTrackingStream log)
    {
        _data = data;
        _log = log;
        _waitForWriter = BindWriterWait(engine, () => _log.Fault ?? _data.Fault);
    }

    /// <summary>Returns when every commit made before the call is on stable storage; throws if the disk failed.</summary>
    public void WaitDurable()
    {
        _waitForWriter();
        _log.Sync();
        _data.Sync();
    }

    private static Action BindWriterWait(LiteEngine engine, Func<Exception?> storageFault)
    {
        const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var disk = typeof(LiteEngine).GetField("_disk", Instance)?.GetValue(engine) ?? throw Unsupported("LiteEngine._disk");
        var lazyQueue = disk.GetType().GetProperty("Queue", Instance)?.GetValue(disk) ?? throw Unsupported("DiskService.Queue");
        var queue = lazyQueue.GetType().GetProperty("Value")!.GetValue(lazyQueue)!;
        var queueType = queue.GetType();
        var isEmpty = queueType.GetField("_queueIsEmpty", Instance)?.GetValue(queue) as ManualResetEventSlim
            ?? throw Unsupported("DiskWriterQueue._queueIsEmpty");
        var failure = queueType.GetField("_exception", Instance) ?? throw Unsupported("DiskWriterQueue._exception");
        return () =>
        {
            // The writer thread never signals "empty" after a failed write (and may hang handling it), so poll for
            // its exception and for a failure seen by the storage streams themselves.
            while (!isEmpty.Wait(WriterPollInterval))
            {
                ThrowIfFailed(failure.GetValue(queue));
                ThrowIfFailed(storageFault());
            }

            ThrowIfFailed(failure.GetValue(queue));
        };
    }

    private static readonly TimeSpan WriterPollInterval = TimeSpan.FromMilliseconds(50);

    private static void ThrowIfFailed(object? exception)
    {
        if (exception is Exception ex)
        {
            throw new IOException("the outbox's LiteDB writer failed: " + ex.Message, ex);
        }
    }

    private static InvalidOperationException Unsupported(string member) =>
        new($"LiteDB has no {member}: this LiteDB version is not supported by the outbox (pinned 5.0.20)");
}
