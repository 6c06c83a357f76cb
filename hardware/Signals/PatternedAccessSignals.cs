namespace ScanPoint.Hardware.Signals;

/// <summary>
/// What every driver shares: verdict patterns on a <see cref="PatternPlayer"/>, the relay pulse, and health. A driver
/// only writes one output at a time (<see cref="Write"/>); a write that throws marks the signals faulted and is never
/// passed on, so a broken LED never stops a scan.
/// </summary>
public abstract class PatternedAccessSignals : IAccessSignals
{
    private readonly Lock _lock = new();
    private readonly PatternPlayer _player;
    private readonly TimeSpan _relayPulse;
    private readonly CancellationTokenSource _disposing = new();
    private SignalOutputs _outputs;
    private int _relayHolds;
    private SignalsHealth _health;
    private bool _disposed;

    protected PatternedAccessSignals(string driver, SignalsOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        Time = time;
        _relayPulse = options.RelayPulse;
        _health = SignalsHealth.Working(driver);
        _player = new PatternPlayer(time, ApplyLights);
    }

    public SignalsHealth Health
    {
        get
        {
            lock (_lock)
            {
                return _health;
            }
        }
    }

    public SignalOutputs Outputs
    {
        get
        {
            lock (_lock)
            {
                return _outputs;
            }
        }
    }

    /// <summary>The pattern in progress, or null when the lights are idle.</summary>
    public SignalPattern? Playing => _player.Playing;

    protected TimeProvider Time { get; }

    private bool IsDisposed
    {
        get
        {
            lock (_lock)
            {
                return _disposed;
            }
        }
    }

    public void Show(SignalVerdict verdict) => Play(SignalPatterns.For(verdict));

    public void Play(SignalPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!IsDisposed)
        {
            _player.Play(pattern);
        }
    }

    public void Idle()
    {
        if (!IsDisposed)
        {
            _player.Stop();
        }
    }

    public async Task PulseRelayAsync(CancellationToken cancellationToken)
    {
        if (!HoldRelay(+1))
        {
            return; // disposed: the relay stays released
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
            await Task.Delay(_relayPulse, Time, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // disposed while energised: released below (and by Dispose)
        }
        finally
        {
            HoldRelay(-1);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _relayHolds = 0;
            foreach (var output in (ReadOnlySpan<SignalOutputs>)[SignalOutputs.Green, SignalOutputs.Red, SignalOutputs.Buzzer, SignalOutputs.Relay])
            {
                Set(output, false);
            }

            _disposed = true; // from here on nothing is written
        }

        _player.Dispose();
        _disposing.Cancel(); // not disposed: a pulse starting now may still link to it
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Drives one output (already mapped to active-low by the driver if it needs it).</summary>
    protected abstract void Write(SignalOutputs output, bool on);

    /// <summary>Releases what the driver owns; every output is already off.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Records a hardware failure; the first reason is kept.</summary>
    protected void MarkFaulted(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        lock (_lock)
        {
            if (!_health.Faulted)
            {
                _health = _health with { Faulted = true, Reason = $"{exception.GetType().Name}: {exception.Message}", FaultedAt = Time.GetUtcNow() };
            }
        }
    }

    private bool HoldRelay(int delta)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return false;
            }

            _relayHolds = Math.Max(0, _relayHolds + delta);
            Set(SignalOutputs.Relay, _relayHolds > 0);
            return true;
        }
    }

    private void ApplyLights(SignalOutputs target)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            foreach (var output in (ReadOnlySpan<SignalOutputs>)[SignalOutputs.Green, SignalOutputs.Red, SignalOutputs.Buzzer])
            {
                Set(output, target.HasFlag(output));
            }
        }
    }

    private void Set(SignalOutputs output, bool on)
    {
        if (_outputs.HasFlag(output) == on)
        {
            return;
        }

        try
        {
            Write(output, on);
            _outputs = on ? _outputs | output : _outputs & ~output;
        }
        catch (Exception ex)
        {
            MarkFaulted(ex);
        }
    }
}
