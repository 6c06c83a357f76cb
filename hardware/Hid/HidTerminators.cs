namespace ScanPoint.Hardware.Hid;

/// <summary>The keys that end a scan. <see cref="None"/> needs an inter-key timeout to end scans.</summary>
[Flags]
public enum HidTerminators
{
    None = 0,
    Enter = 1,
    Tab = 2,
}
