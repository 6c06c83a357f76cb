namespace ScanPoint.Hardware.Signals;

/// <summary>
/// Door signals without hardware, for demos and CI: plays the same patterns and relay pulses as
/// <see cref="GpioAccessSignals"/> and records every output change with its time (the last
/// <see cref="Capacity"/> changes).
/// </summary>
public sealed class SimulatedAccessSignals(SignalsOptions options, TimeProvider time) : PatternedAccessSignals("simulated", options, time)
{
    public const int Capacity = 1024;

    private readonly Lock _lock = new();
    private readonly Queue<SimulatedSignal> _changes = new();

    /// <summary>Every output change so far, oldest first.</summary>
    public IReadOnlyList<SimulatedSignal> Changes
    {
        get
        {
            lock (_lock)
            {
                return [.. _changes];
            }
        }
    }

    protected override void Write(SignalOutputs output, bool on)
    {
        lock (_lock)
        {
            if (_changes.Count == Capacity)
            {
                _changes.Dequeue();
            }

            _changes.Enqueue(new SimulatedSignal(Time.GetUtcNow(), output, on));
        }
    }
}
