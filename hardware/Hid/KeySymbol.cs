namespace ScanPoint.Hardware.Hid;

/// <summary>What one key produces at one level: a character, possibly as a dead key (which waits for the next key).</summary>
internal readonly record struct KeySymbol(char Character, bool Dead);
