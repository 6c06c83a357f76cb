using System.Globalization;
using OpenCvSharp;
using QRCoder;

namespace ScanPoint.QrCorpus;

/// <summary>
/// Deterministic QR test images: the same seed gives the same bytes. Each sample is a realistic payload drawn as dark
/// modules on light paper (4 pixels a module unless the family says otherwise), laid on a grey background, then put
/// through one distortion family at one strength.
/// </summary>
public sealed class QrCorpusGenerator
{
    private const double ModulePixels = 4;

    private readonly Random _random;
    private readonly QrPayloads _payloads;
    private readonly QrDistortions _distortions;

    public QrCorpusGenerator(int seed)
    {
        _random = new Random(seed);
        _payloads = new QrPayloads(_random);
        _distortions = new QrDistortions(_random);
    }

    public QrPayloads Payloads => _payloads;

    /// <summary>
    /// Strengths from mild to strong, in each family's unit: Blur σ in modules; Noise σ in grey levels; Perspective the
    /// largest corner shift as a share of the symbol; Rotation degrees; LowContrast grey levels between dark and light;
    /// Inverted contrast (1 = full); Glare the peak blend toward white; SmallModules pixels per module; Jpeg quality.
    /// </summary>
    public static IReadOnlyList<double> Strengths(DistortionFamily family) => family switch
    {
        DistortionFamily.Blur => [0.25, 0.5, 0.8],
        DistortionFamily.Noise => [15, 35, 60],
        DistortionFamily.Perspective => [0.05, 0.12, 0.2],
        DistortionFamily.Rotation => [10, 30, 45, 90, 180, 270],
        DistortionFamily.LowContrast => [80, 40, 20],
        DistortionFamily.Inverted => [1.0, 0.6, 0.35],
        DistortionFamily.Glare => [0.5, 0.75, 0.9],
        DistortionFamily.SmallModules => [2.0, 1.75, 1.5],
        DistortionFamily.Jpeg => [60, 30, 15],
        _ => [0],
    };

    /// <summary>The middle strength: what a kiosk should still read.</summary>
    public static double Moderate(DistortionFamily family) => family == DistortionFamily.Rotation ? 30 : Strengths(family)[Strengths(family).Count / 2];

    /// <summary>Error correction as issuers use it: Q for HC1, L for SMART Health Cards, M otherwise.</summary>
    public static QRCodeGenerator.ECCLevel ErrorCorrectionFor(QrPayload payload) => payload?.Kind switch
    {
        "hc1" => QRCodeGenerator.ECCLevel.Q,
        "shc" => QRCodeGenerator.ECCLevel.L,
        _ => QRCodeGenerator.ECCLevel.M,
    };

    /// <summary>For every strength of the family, <paramref name="perStrength"/> samples cycling through the payload kinds.</summary>
    public IEnumerable<QrSample> Family(DistortionFamily family, int perStrength)
    {
        foreach (var strength in Strengths(family))
        {
            for (var i = 0; i < perStrength; i++)
            {
                yield return family == DistortionFamily.Empty ? EmptyFrame(640, 480) : Generate(family, strength, _payloads.Cycle(i));
            }
        }
    }

    public QrSample Generate(DistortionFamily family, double strength, QrPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (family == DistortionFamily.Empty)
        {
            throw new ArgumentException("an empty frame has no payload: use EmptyFrame", nameof(family));
        }

        var symbol = QrSymbol.FromText(payload.Text, ErrorCorrectionFor(payload), payload.Utf8Eci);
        var dark = (byte)_random.Next(10, 50);
        var light = (byte)_random.Next(215, 250);
        using var paper = QrRenderer.Render(symbol, family == DistortionFamily.SmallModules ? strength : ModulePixels, dark, light);
        var background = new Scalar(_random.Next(90, 170));
        using var canvas = family switch
        {
            DistortionFamily.Rotation => _distortions.Rotate(paper, strength, background),
            DistortionFamily.Perspective => _distortions.Tilt(paper, strength, background),
            _ => _distortions.Lay(paper, background),
        };
        var (bytes, extension) = family switch
        {
            DistortionFamily.Blur => (Png(_distortions.Blur(canvas, strength * ModulePixels)), ".png"),
            DistortionFamily.Noise => (Png(_distortions.Noise(canvas, strength)), ".png"),
            DistortionFamily.LowContrast => (Png(_distortions.Contrast(canvas, strength / 255.0, inverted: false)), ".png"),
            DistortionFamily.Inverted => (Png(_distortions.Contrast(canvas, strength, inverted: true)), ".png"),
            DistortionFamily.Glare => (Png(_distortions.Glare(canvas, strength)), ".png"),
            DistortionFamily.Jpeg => (canvas.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, (int)strength)), ".jpg"),
            _ => (canvas.ImEncode(".png"), ".png"),
        };
        return new QrSample(Name(family, strength, payload.Kind), bytes, extension, payload.Text, family, strength, payload.Kind);
    }

    /// <summary>A frame with texture and sensor noise but no code, encoded as <paramref name="extension"/> (.png, .pgm, .jpg).</summary>
    public QrSample EmptyFrame(int width, int height, string extension = ".png")
    {
        using var frame = _distortions.Texture(width, height);
        return new QrSample(Name(DistortionFamily.Empty, 0, "none"), frame.ImEncode(extension), extension, null, DistortionFamily.Empty, 0, "none");
    }

    private static byte[] Png(Mat image)
    {
        using (image)
        {
            return image.ImEncode(".png");
        }
    }

    private static string Name(DistortionFamily family, double strength, string kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{family.ToString().ToLowerInvariant()}-{strength:0.##}-{kind}");
}
