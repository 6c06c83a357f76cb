namespace ScanPoint.Hardware.Signals;

/// <summary>
/// A light-and-tone pattern as data: steps played one after the other on a <see cref="TimeProvider"/>, then
/// everything off. The relay is never part of a pattern (see <see cref="IAccessSignals.PulseRelayAsync"/>).
/// </summary>
public sealed record SignalPattern
{
    public SignalPattern(string name, IReadOnlyList<SignalStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Any(s => s.Duration <= TimeSpan.Zero || s.On.HasFlag(SignalOutputs.Relay)))
        {
            throw new ArgumentException($"pattern {name}: every step needs a positive duration and no relay", nameof(steps));
        }

        Name = name;
        Steps = steps;
    }

    public string Name { get; }

    public IReadOnlyList<SignalStep> Steps { get; }

    /// <summary>How long the pattern plays before everything is off again.</summary>
    public TimeSpan Duration => Steps.Aggregate(TimeSpan.Zero, (total, step) => total + step.Duration);
}
