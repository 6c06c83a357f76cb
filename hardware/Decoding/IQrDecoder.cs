namespace ScanPoint.Hardware.Decoding;

/// <summary>Finds and decodes the QR codes in one greyscale image.</summary>
public interface IQrDecoder
{
    /// <summary>A short name reported with each code, e.g. <c>zxing-cpp</c>.</summary>
    string Name { get; }

    /// <summary>Every QR code found; empty when there is none. Throws only for a broken decoder, never for a bad image.</summary>
    IReadOnlyList<DecodedCode> Decode(GreyImage image);
}
