namespace ScanPoint.Kiosk.Systemd;

/// <summary>
/// Which main-worker operations are in progress and since when. A worker marks each unit of work
/// (<c>using var busy = progress.Busy("scan")</c>); waiting for the next scan is not work. The systemd watchdog
/// stops petting while one operation has been in progress longer than <see cref="SystemdOptions.StuckAfter"/>, so
/// systemd restarts a kiosk whose scan path hangs (a frozen disk, a deadlock).
/// </summary>
public sealed class WorkerProgress(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, (string Worker, long Since)> _busy = [];
    private long _next;
    private long _completed;

    /// <summary>Operations finished so far.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    public IDisposable Busy(string worker)
    {
        lock (_lock)
        {
            var id = ++_next;
            _busy[id] = (worker, time.GetTimestamp());
            return new Operation(this, id);
        }
    }

    /// <summary>The operation in progress the longest, when it has run at least <paramref name="after"/>; else null.</summary>
    public StuckWorker? Stuck(TimeSpan after)
    {
        lock (_lock)
        {
            if (_busy.Count == 0)
            {
                return null;
            }

            var (worker, since) = _busy.Values.MinBy(b => b.Since);
            var elapsed = time.GetElapsedTime(since);
            return elapsed >= after ? new StuckWorker(worker, elapsed) : null;
        }
    }

    private void End(long id)
    {
        lock (_lock)
        {
            if (_busy.Remove(id))
            {
                _completed++;
            }
        }
    }

    private sealed class Operation(WorkerProgress owner, long id) : IDisposable
    {
        public void Dispose() => owner.End(id);
    }
}
