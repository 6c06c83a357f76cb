namespace ScanPoint.Benchmarks.Decoding;

/// <summary>One image file of a corpus, the text a reader should return (null: none), and its row in the by-strength table.</summary>
internal sealed record DecodeItem(string Path, string? Expected, string Group);
