using OpenCvSharp;

namespace ScanPoint.Hardware.Decoding;

/// <summary>
/// OpenCV's WeChatQRCode (through OpenCvSharp) without its CNN models: a second opinion on still images only. It can
/// spend seconds on an empty, noisy frame, so callers bound it (<see cref="SecondOpinionQrDecoder"/>). Not thread-safe:
/// one instance per worker.
/// </summary>
public sealed class WeChatQrDecoder : IQrDecoder, IDisposable
{
    private readonly WeChatQRCode _detector = new();

    public string Name => "wechat";

    /// <summary>Whether OpenCvSharp's native runtime loads here (it does on linux-x64; a Pi needs it built).</summary>
    public static bool IsAvailable()
    {
        try
        {
            using var probe = new Mat(1, 1, MatType.CV_8UC1);
            return !probe.Empty();
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return false;
        }
    }

    public IReadOnlyList<DecodedCode> Decode(GreyImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var mat = Mat.FromPixelData(image.Height, image.Width, MatType.CV_8UC1, image.Pixels, image.Stride);
        var texts = _detector.DetectAndDecode(mat, out var points);
        var codes = new List<DecodedCode>(texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            if (string.IsNullOrEmpty(texts[i]))
            {
                continue;
            }

            var corners = i < points.Length
                ? points[i].Select(p => new CodePoint((int)MathF.Round(p.X), (int)MathF.Round(p.Y))).ToArray()
                : [];
            codes.Add(new DecodedCode(texts[i], System.Text.Encoding.UTF8.GetBytes(texts[i]), Name, "", corners));
        }

        return codes;
    }

    public void Dispose() => _detector.Dispose();
}
