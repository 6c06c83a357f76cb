namespace ScanPoint.Hardware.Signals;

/// <summary>One output change a <see cref="SimulatedAccessSignals"/> would have made.</summary>
public readonly record struct SimulatedSignal(DateTimeOffset At, SignalOutputs Output, bool On);
