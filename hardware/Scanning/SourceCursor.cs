namespace ScanPoint.Hardware.Scanning;

/// <summary>A replayable scan source's position (for the lines source: the byte offset after the line).</summary>
public sealed record SourceCursor(string Source, long Position);
