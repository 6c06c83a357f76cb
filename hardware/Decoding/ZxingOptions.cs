namespace ScanPoint.Hardware.Decoding;

/// <summary>How hard zxing-cpp looks. <see cref="Frames"/> suits a camera loop; <see cref="StillImages"/> a photo or file.</summary>
public sealed record ZxingOptions(bool TryHarder, bool TryRotate, bool TryDownscale, bool TryInverted, int MaxSymbols)
{
    /// <summary>zxing-cpp's own defaults (as Debian's ZXingReader uses them): the per-frame cost stays at the library's.</summary>
    public static ZxingOptions Frames { get; } = new(TryHarder: true, TryRotate: true, TryDownscale: true, TryInverted: false, MaxSymbols: 4);

    /// <summary>Frames plus an inverted pass and a global-histogram pass when the first finds nothing.</summary>
    public static ZxingOptions StillImages { get; } = Frames with { TryInverted = true };
}
