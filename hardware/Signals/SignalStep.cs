namespace ScanPoint.Hardware.Signals;

/// <summary>One step of a pattern: these lights and the buzzer are on (the rest off) for <paramref name="Duration"/>.</summary>
public readonly record struct SignalStep(SignalOutputs On, TimeSpan Duration);
