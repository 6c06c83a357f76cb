namespace ScanPoint.Hardware.Signals;

/// <summary>
/// Plays one <see cref="SignalPattern"/> at a time on a <see cref="TimeProvider"/> timer: each step's outputs are
/// handed to <c>apply</c>, then after the last step <see cref="SignalOutputs.None"/>. A new pattern replaces the one in
/// progress at once; a timer of a replaced pattern that fires late finds a newer generation and does nothing.
/// </summary>
internal sealed class PatternPlayer(TimeProvider time, Action<SignalOutputs> apply) : IDisposable
{
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private SignalPattern? _pattern;
    private int _step;
    private long _generation;

    /// <summary>The pattern in progress, or null when the lights are idle.</summary>
    public SignalPattern? Playing
    {
        get
        {
            lock (_lock)
            {
                return _pattern;
            }
        }
    }

    public void Play(SignalPattern pattern)
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _pattern = pattern;
            _step = 0;
            Enter(++_generation);
        }
    }

    public void Stop()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
            _generation++;
            _pattern = null;
            apply(SignalOutputs.None);
        }
    }

    public void Dispose() => Stop();

    private void Enter(long generation)
    {
        if (_pattern is null || _step >= _pattern.Steps.Count)
        {
            _pattern = null;
            _timer = null;
            apply(SignalOutputs.None);
            return;
        }

        var step = _pattern.Steps[_step];
        apply(step.On);
        _timer = time.CreateTimer(OnTimer, generation, step.Duration, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer(object? state)
    {
        lock (_lock)
        {
            if ((long)state! != _generation)
            {
                return; // a replaced pattern's timer
            }

            _timer?.Dispose();
            _step++;
            Enter(_generation);
        }
    }
}
