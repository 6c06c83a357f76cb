using OpenCvSharp;
using QRCoder;
using ScanPoint.Hardware.Decoding;
using ScanPoint.QrCorpus;

namespace ScanPoint.Hardware.Tests.Decoding;

/// <summary>The corners zxing-cpp reports lie within two modules of where the symbol was drawn, upright or turned.</summary>
public sealed class QrCornerTests
{
    private const int ModulePixels = 5;
    private const int Left = 61;
    private const int Top = 37;

    [Theory]
    [InlineData(0)]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void Decode_SymbolDrawnAtKnownPlace_CornersLocateIt(int degrees)
    {
        var symbol = QrSymbol.FromText("https://scanpoint.vn/c/Kx7pQ2mZ9a", QRCodeGenerator.ECCLevel.M);
        using var paper = QrRenderer.Render(symbol, ModulePixels);
        using var canvas = new Mat(paper.Rows + Top + 50, paper.Cols + Left + 50, MatType.CV_8UC1, new Scalar(128));
        using (var target = new Mat(canvas, new Rect(Left, Top, paper.Cols, paper.Rows)))
        {
            paper.CopyTo(target);
        }

        using var turned = Turn(canvas, degrees);
        var expected = SymbolCorners(symbol.Size * ModulePixels, canvas.Cols, canvas.Rows, degrees);

        var code = Assert.Single(new ZxingQrDecoder().Decode(Frames.ToGreyImage(turned)));

        Assert.Equal(4, code.Corners.Count);
        foreach (var corner in expected)
        {
            var nearest = code.Corners.Min(c => Math.Sqrt(Math.Pow(c.X - corner.X, 2) + Math.Pow(c.Y - corner.Y, 2)));
            Assert.True(nearest <= 2 * ModulePixels, $"no reported corner within 2 modules of ({corner.X}, {corner.Y}): {string.Join(' ', code.Corners)}");
        }
    }

    private static Mat Turn(Mat canvas, int degrees)
    {
        var turned = new Mat();
        if (degrees == 0)
        {
            canvas.CopyTo(turned);
            return turned;
        }

        Cv2.Rotate(canvas, turned, degrees switch { 90 => RotateFlags.Rotate90Clockwise, 180 => RotateFlags.Rotate180, _ => RotateFlags.Rotate90Counterclockwise });
        return turned;
    }

    private static CodePoint[] SymbolCorners(int side, int width, int height, int degrees)
    {
        var x0 = Left + (QrRenderer.QuietZone * ModulePixels);
        var y0 = Top + (QrRenderer.QuietZone * ModulePixels);
        CodePoint[] upright = [new(x0, y0), new(x0 + side, y0), new(x0 + side, y0 + side), new(x0, y0 + side)];
        return [.. upright.Select(p => degrees switch
        {
            90 => new CodePoint(height - 1 - p.Y, p.X),
            180 => new CodePoint(width - 1 - p.X, height - 1 - p.Y),
            270 => new CodePoint(p.Y, width - 1 - p.X),
            _ => p,
        })];
    }
}
