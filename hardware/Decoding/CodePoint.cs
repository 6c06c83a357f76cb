namespace ScanPoint.Hardware.Decoding;

/// <summary>A point in image pixels.</summary>
public readonly record struct CodePoint(int X, int Y);
