using OpenCvSharp;
using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Benchmarks.Decoding;

/// <summary>
/// A probe for what ZxingQrDecoder could add, measured here rather than built into hardware/: when zxing-cpp's
/// still-image passes find nothing, one pass on a min-max-stretched, unsharp-masked copy (2·image − Gaussian σ 2 px),
/// then one on a 5×5 median-filtered copy.
/// </summary>
internal sealed class PreprocessingProbe(ZxingQrDecoder zxing) : IQrDecoder
{
    public string Name => "zxing-cpp still + preprocessing (probe)";

    public IReadOnlyList<DecodedCode> Decode(GreyImage image)
    {
        var codes = zxing.Decode(image);
        if (codes.Count > 0)
        {
            return codes;
        }

        using var mat = Mat.FromPixelData(image.Height, image.Width, MatType.CV_8UC1, image.Pixels, image.Stride);
        using (var stretched = mat.Normalize(0, 255, NormTypes.MinMax))
        using (var blurred = stretched.GaussianBlur(new Size(0, 0), 2))
        using (var sharpened = new Mat())
        {
            Cv2.AddWeighted(stretched, 2.0, blurred, -1.0, 0, sharpened);
            codes = zxing.Decode(Frames.ToGreyImage(sharpened));
        }

        if (codes.Count > 0)
        {
            return codes;
        }

        using var median = mat.MedianBlur(5);
        return zxing.Decode(Frames.ToGreyImage(median));
    }
}
