namespace ScanPoint.QrCorpus;

/// <summary>
/// One generated image: encoded bytes (<see cref="Extension"/> says the format), the text a decoder should read
/// (null for an empty frame), and how it was made. <see cref="Strength"/> is in the family's own unit (see
/// <see cref="QrCorpusGenerator.Strengths"/>).
/// </summary>
public sealed record QrSample(string Name, byte[] Image, string Extension, string? Expected, DistortionFamily Family, double Strength, string PayloadKind);
