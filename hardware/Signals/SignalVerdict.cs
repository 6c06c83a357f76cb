namespace ScanPoint.Hardware.Signals;

/// <summary>The class of verdict the door shows with lights and tone (the screen shows the reason).</summary>
public enum SignalVerdict
{
    Accepted,
    Rejected,
    Unverifiable,
    Error,
}
