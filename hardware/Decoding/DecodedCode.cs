namespace ScanPoint.Hardware.Decoding;

/// <summary>
/// One QR code read from an image. <see cref="Text"/> is the payload as text (never log it); <see cref="Bytes"/> are
/// the symbol's data bytes exactly as encoded, for binary payloads. <see cref="ErrorCorrection"/> is L, M, Q or H
/// (empty when the decoder cannot tell); <see cref="Corners"/> are the symbol's corners in image pixels, clockwise from
/// top-left as the decoder saw them.
/// </summary>
public sealed record DecodedCode(
    string Text,
    byte[] Bytes,
    string Decoder,
    string ErrorCorrection,
    IReadOnlyList<CodePoint> Corners,
    bool HasEci = false);
