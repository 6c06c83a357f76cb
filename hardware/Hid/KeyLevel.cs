namespace ScanPoint.Hardware.Hid;

/// <summary>Which modifier a key needs for a character: none, Shift, or AltGr (right Alt).</summary>
public enum KeyLevel
{
    Normal,
    Shift,
    AltGr,
}
