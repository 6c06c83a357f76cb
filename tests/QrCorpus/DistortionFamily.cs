namespace ScanPoint.QrCorpus;

/// <summary>What was done to a generated QR image; <see cref="Empty"/> frames carry no code at all.</summary>
public enum DistortionFamily
{
    None,
    Blur,
    Noise,
    Perspective,
    Rotation,
    LowContrast,
    Inverted,
    Glare,
    SmallModules,
    Jpeg,
    Empty,
}
