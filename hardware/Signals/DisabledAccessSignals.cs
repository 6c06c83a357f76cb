namespace ScanPoint.Hardware.Signals;

/// <summary>
/// No door signals: <c>Signals:Driver=none</c>, or GPIO that could not be opened at all (then
/// <see cref="IAccessSignals.Health"/> says why). Every call returns at once.
/// </summary>
public sealed class DisabledAccessSignals(SignalsHealth health) : IAccessSignals
{
    public static DisabledAccessSignals None { get; } = new(SignalsHealth.Working("none"));

    public SignalsHealth Health { get; } = health;

    public SignalOutputs Outputs => SignalOutputs.None;

    public static DisabledAccessSignals Faulted(string driver, string reason, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new(new SignalsHealth(driver, true, reason, time.GetUtcNow()));
    }

    public void Show(SignalVerdict verdict)
    {
    }

    public void Play(SignalPattern pattern)
    {
    }

    public void Idle()
    {
    }

    public Task PulseRelayAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
