using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Hardware.Camera;

/// <summary>
/// A triple buffer between the capture thread and the decode worker: the capture thread fills
/// <see cref="WriteBuffer"/> and publishes it, replacing any frame the worker has not taken yet; the worker takes the
/// newest published frame. Memory stays at three frames however slow the worker is; older frames are dropped.
/// </summary>
internal sealed class LatestFrame
{
    private readonly Lock _lock = new();
    private GreyImage _ready;
    private GreyImage _reading;
    private bool _hasReady;
    private long _readySequence;
    private DateTimeOffset _readyAt;
    private bool _completed;
    private TaskCompletionSource? _waiter;

    public LatestFrame(int width, int height)
    {
        WriteBuffer = new GreyImage(width, height);
        _ready = new GreyImage(width, height);
        _reading = new GreyImage(width, height);
    }

    /// <summary>The buffer the capture thread fills next; only the capture thread touches it.</summary>
    public GreyImage WriteBuffer { get; private set; }

    /// <summary>Set when the capture stopped because the source failed.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Publishes <see cref="WriteBuffer"/> as the newest frame; true when it replaced one never taken.</summary>
    public bool Publish(long sequence, DateTimeOffset capturedAt)
    {
        bool dropped;
        TaskCompletionSource? waiter;
        lock (_lock)
        {
            (_ready, WriteBuffer) = (WriteBuffer, _ready);
            dropped = _hasReady;
            (_hasReady, _readySequence, _readyAt) = (true, sequence, capturedAt);
            (waiter, _waiter) = (_waiter, null);
        }

        waiter?.TrySetResult();
        return dropped;
    }

    /// <summary>No more frames will be published; <paramref name="error"/> says why when the source failed (the first call wins).</summary>
    public void Complete(Exception? error)
    {
        TaskCompletionSource? waiter;
        lock (_lock)
        {
            if (!_completed)
            {
                (_completed, Error) = (true, error);
            }

            (waiter, _waiter) = (_waiter, null);
        }

        waiter?.TrySetResult();
    }

    /// <summary>
    /// Waits for a frame newer than the last one taken and takes it; the image stays valid until the next call.
    /// Returns null once the capture has completed and its last frame was taken.
    /// </summary>
    public async Task<CapturedFrame?> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task published;
            lock (_lock)
            {
                if (_hasReady)
                {
                    (_reading, _ready, _hasReady) = (_ready, _reading, false);
                    return new CapturedFrame(_reading, _readySequence, _readyAt);
                }

                if (_completed)
                {
                    return null;
                }

                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                published = _waiter.Task;
            }

            await published.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
