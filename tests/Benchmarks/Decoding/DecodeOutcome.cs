namespace ScanPoint.Benchmarks.Decoding;

/// <summary>
/// What one reader made of one corpus: per item, whether it was right (the expected text among those read, or nothing
/// read from an empty frame), and the mean time per image.
/// </summary>
internal sealed record DecodeOutcome(string Reader, IReadOnlyList<bool> Correct, double MsPerImage)
{
    public int CorrectCount => Correct.Count(c => c);

    public double Rate => Correct.Count == 0 ? double.NaN : CorrectCount / (double)Correct.Count;

    /// <summary>Correct reads by predicate over the corpus items, as "k/n".</summary>
    public string Share(IReadOnlyList<DecodeItem> items, Func<DecodeItem, bool> where)
    {
        var picked = items.Select((item, i) => (item, i)).Where(p => where(p.item)).Select(p => Correct[p.i]).ToList();
        return $"{picked.Count(c => c)}/{picked.Count}";
    }
}
