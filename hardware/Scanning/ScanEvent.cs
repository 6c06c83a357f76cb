
namespace ScanPoint.Hardware.Scanning;

/// <summary>One code read by a scan source. <see cref="Text"/> is the payload: never log it.</summary>
public sealed record ScanEvent(string Source, string Text, DateTimeOffset At, SourceCursor? Cursor = null);
