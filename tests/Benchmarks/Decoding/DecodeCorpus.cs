namespace ScanPoint.Benchmarks.Decoding;

/// <summary>A folder of images read by every reader in one go.</summary>
internal sealed record DecodeCorpus(string Name, IReadOnlyList<DecodeItem> Items)
{
    public bool IsEmptyFrames => Items.All(i => i.Expected is null);
}
