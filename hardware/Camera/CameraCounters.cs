namespace ScanPoint.Hardware.Camera;

/// <summary>The thread-safe counters behind <see cref="CameraStats"/>: the capture thread and the decode worker write.</summary>
internal sealed class CameraCounters(TimeProvider timeProvider)
{
    internal const int FpsWindow = 60;
    internal const int LatencyWindow = 256;
    private readonly Lock _lock = new();
    private readonly long[] _captureTimes = new long[FpsWindow];
    private readonly TimeSpan[] _latencies = new TimeSpan[LatencyWindow];
    private long _captured;
    private long _decoded;
    private long _skipped;
    private long _dropped;
    private long _codes;
    private long _emitted;
    private long _failures;
    private int _width;
    private int _height;
    private string? _lastError;
    private DateTimeOffset? _lastFrameAt;

    public void Opened(int width, int height)
    {
        lock (_lock)
        {
            (_width, _height) = (width, height);
        }
    }

    public void Captured(DateTimeOffset capturedAt, bool droppedPrevious)
    {
        lock (_lock)
        {
            _lastFrameAt = capturedAt;
            _captureTimes[_captured % FpsWindow] = timeProvider.GetTimestamp();
            _captured++;
            _dropped += droppedPrevious ? 1 : 0;
        }
    }

    public void Skipped() => Interlocked.Increment(ref _skipped);

    public void Emitted() => Interlocked.Increment(ref _emitted);

    public void Decoded(TimeSpan latency, int codes)
    {
        lock (_lock)
        {
            _latencies[_decoded % LatencyWindow] = latency;
            _decoded++;
            _codes += codes;
        }
    }

    /// <summary>The decoder threw on a frame.</summary>
    public void DecodeFailed(Exception exception)
    {
        lock (_lock)
        {
            _failures++;
            _lastError = exception.GetType().Name + ": " + exception.Message;
        }
    }

    /// <summary>The source or the pipeline failed; the read ends.</summary>
    public void Faulted(Exception exception)
    {
        lock (_lock)
        {
            _lastError = exception.GetType().Name + ": " + exception.Message;
        }
    }

    public CameraStats Snapshot()
    {
        lock (_lock)
        {
            var latencies = _latencies.AsSpan(0, (int)Math.Min(_decoded, LatencyWindow)).ToArray();
            Array.Sort(latencies);
            var mean = latencies.Length == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)latencies.Average(l => l.Ticks));
            var p99 = latencies.Length == 0 ? TimeSpan.Zero : latencies[(int)Math.Ceiling(latencies.Length * 0.99) - 1];
            var last = _decoded == 0 ? TimeSpan.Zero : _latencies[(_decoded - 1) % LatencyWindow];
            return new CameraStats(
                _captured,
                FramesPerSecond(),
                _decoded,
                Interlocked.Read(ref _skipped),
                _dropped,
                _codes,
                Interlocked.Read(ref _emitted),
                _failures,
                last,
                mean,
                p99,
                _width,
                _height,
                _lastFrameAt,
                _lastError);
        }
    }

    private double FramesPerSecond()
    {
        var frames = (int)Math.Min(_captured, FpsWindow);
        if (frames < 2)
        {
            return 0;
        }

        var newest = _captureTimes[(_captured - 1) % FpsWindow];
        var oldest = _captureTimes[(_captured - frames) % FpsWindow];
        var seconds = timeProvider.GetElapsedTime(oldest, newest).TotalSeconds;
        return seconds > 0 ? (frames - 1) / seconds : 0;
    }
}
