namespace ScanPoint.Kiosk.Reporting;

/// <summary>
/// Which published batches still wait for the fleet's ack. When acks stop coming for the ack timeout, or the
/// connection is new, everything unacknowledged is sent again from the oldest pending check-in.
/// </summary>
internal sealed class InFlightWindow
{
    private readonly Lock _lock = new();
    private readonly Queue<long> _lastSeqs = new();
    private long _sentUpTo;
    private DateTimeOffset _lastProgress;

    /// <summary>Highest sequence number published in this round; the next batch starts after it.</summary>
    public long SentUpTo
    {
        get
        {
            lock (_lock)
            {
                return _sentUpTo;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _lastSeqs.Count;
            }
        }
    }

    public void Sent(long lastSeq, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_lastSeqs.Count == 0)
            {
                _lastProgress = now;
            }

            _lastSeqs.Enqueue(lastSeq);
            _sentUpTo = lastSeq;
        }
    }

    public void Acknowledged(long highestSeq, DateTimeOffset now)
    {
        lock (_lock)
        {
            while (_lastSeqs.TryPeek(out var last) && last <= highestSeq)
            {
                _lastSeqs.Dequeue();
            }

            _lastProgress = now;
        }
    }

    public void ExpireIfSilent(DateTimeOffset now, TimeSpan ackTimeout)
    {
        lock (_lock)
        {
            if (_lastSeqs.Count > 0 && now - _lastProgress > ackTimeout)
            {
                ResetLocked();
            }
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            ResetLocked();
        }
    }

    private void ResetLocked()
    {
        _lastSeqs.Clear();
        _sentUpTo = 0;
    }
}
