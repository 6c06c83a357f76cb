namespace ScanPoint.Hardware.Decoding;

/// <summary>
/// How hard zxing-cpp looks. <see cref="Frames"/> suits a camera loop; <see cref="StillImages"/> a photo or file.
/// <see cref="TryInverted"/>: when nothing is found, an inverted pass and a global-histogram pass.
/// <see cref="TryEnhanced"/>: when still nothing, the same passes on a stretched and sharpened copy, then on a 5×5
/// median copy (blur, noise and low contrast; see docs/benchmarks.md).
/// </summary>
public sealed record ZxingOptions(bool TryHarder, bool TryRotate, bool TryDownscale, bool TryInverted, int MaxSymbols, bool TryEnhanced = false)
{
    /// <summary>zxing-cpp's own defaults (as Debian's ZXingReader uses them): the per-frame cost stays at the library's.</summary>
    public static ZxingOptions Frames { get; } = new(TryHarder: true, TryRotate: true, TryDownscale: true, TryInverted: false, MaxSymbols: 4);

    /// <summary>Frames plus every second-chance pass when the first finds nothing.</summary>
    public static ZxingOptions StillImages { get; } = Frames with { TryInverted = true, TryEnhanced = true };
}
