namespace ScanPoint.Hardware.Signals;

/// <summary>The outputs a scan point drives; a set of them is what is energised at one moment.</summary>
[Flags]
public enum SignalOutputs
{
    None = 0,
    Green = 1,
    Red = 2,
    Buzzer = 4,
    Relay = 8,
}
