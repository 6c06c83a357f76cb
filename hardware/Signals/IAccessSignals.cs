namespace ScanPoint.Hardware.Signals;

/// <summary>
/// The door's lights, buzzer and relay. Never throws for a hardware failure: it reports it in
/// <see cref="Health"/> and the caller goes on scanning.
/// </summary>
public interface IAccessSignals : IDisposable
{
    /// <summary>Plays the verdict's pattern; a pattern still playing is cut short and replaced.</summary>
    void Show(SignalVerdict verdict);

    /// <summary>Plays any pattern (the self-test's blink).</summary>
    void Play(SignalPattern pattern);

    /// <summary>Stops the pattern in progress: lights and buzzer off (a relay pulse runs to its end).</summary>
    void Idle();

    /// <summary>
    /// Energises the door or turnstile relay for the configured pulse, then releases it. Overlapping pulses keep it
    /// energised until the last ends; cancellation and disposal release it at once (and cancellation throws).
    /// </summary>
    Task PulseRelayAsync(CancellationToken cancellationToken);

    /// <summary>What is energised now.</summary>
    SignalOutputs Outputs { get; }

    SignalsHealth Health { get; }
}
