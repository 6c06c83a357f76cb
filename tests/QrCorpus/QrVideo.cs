using OpenCvSharp;
using QRCoder;

namespace ScanPoint.QrCorpus;

/// <summary>
/// Writes a 1280x720 MJPG .avi like a kiosk camera would see: a fixed noisy background with a little sensor noise
/// per frame, and optionally QR codes (QRCoder's module matrix, up to 8 px per module, smaller for a code that would
/// not fit in 640 px) held still for a run of frames.
/// </summary>
public static class QrVideo
{
    public const int Width = 1280;
    public const int Height = 720;

    /// <summary>Writes one frame per entry of <paramref name="codes"/>: null is an empty scene, text a code.</summary>
    public static void Write(string path, IReadOnlyList<string?> codes)
    {
        using var writer = new VideoWriter(path, FourCC.MJPG, 30, new Size(Width, Height), isColor: true);
        if (!writer.IsOpened())
        {
            throw new InvalidOperationException($"OpenCV cannot write MJPG to {path}");
        }

        using var background = new Mat(Height, Width, MatType.CV_8UC1);
        Cv2.Randu(background, 60, 190);
        Cv2.GaussianBlur(background, background, new Size(5, 5), 0);
        using var grey = new Mat();
        using var noise = new Mat(Height, Width, MatType.CV_8UC1);
        using var colour = new Mat();
        var rendered = new Dictionary<string, Mat>(StringComparer.Ordinal);
        try
        {
            foreach (var text in codes)
            {
                background.CopyTo(grey);
                if (text is not null)
                {
                    if (!rendered.TryGetValue(text, out var code))
                    {
                        code = rendered[text] = Render(text);
                    }

                    using var region = new Mat(grey, new Rect((Width - code.Width) / 2, (Height - code.Height) / 2, code.Width, code.Height));
                    code.CopyTo(region);
                }

                Cv2.Randu(noise, 0, 6);
                Cv2.Add(grey, noise, grey);
                Cv2.CvtColor(grey, colour, ColorConversionCodes.GRAY2BGR);
                writer.Write(colour);
            }
        }
        finally
        {
            foreach (var mat in rendered.Values)
            {
                mat.Dispose();
            }
        }
    }

    /// <summary>The code with its quiet zone, dark modules 30 and light 225, 8 px per module or fewer to fit 640 px.</summary>
    private static Mat Render(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var scale = Math.Clamp(640 / modules.Count, 2, 8);
        var mat = new Mat(modules.Count * scale, modules.Count * scale, MatType.CV_8UC1, Scalar.All(225));
        for (var y = 0; y < modules.Count; y++)
        {
            for (var x = 0; x < modules.Count; x++)
            {
                if (modules[y][x])
                {
                    mat.Rectangle(new Rect(x * scale, y * scale, scale, scale), Scalar.All(30), -1);
                }
            }
        }

        return mat;
    }
}
