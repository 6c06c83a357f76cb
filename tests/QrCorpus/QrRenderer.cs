using OpenCvSharp;

namespace ScanPoint.QrCorpus;

/// <summary>Draws a <see cref="QrSymbol"/> as an 8-bit greyscale image with a quiet zone, at any module size.</summary>
public static class QrRenderer
{
    /// <summary>Modules of quiet zone drawn on every side (ISO/IEC 18004 asks for 4).</summary>
    public const int QuietZone = 4;

    /// <summary>
    /// A greyscale image of <c>(Size + 8) × modulePixels</c> pixels a side. A fractional module size (e.g. 1.5) is drawn
    /// at 8 pixels per module and shrunk with area averaging, as a camera sensor would sample it.
    /// </summary>
    public static Mat Render(QrSymbol symbol, double modulePixels, byte dark = 0, byte light = 255)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentOutOfRangeException.ThrowIfLessThan(modulePixels, 1.0);
        var whole = Math.Abs(modulePixels - Math.Round(modulePixels)) < 1e-9;
        var scale = whole ? (int)Math.Round(modulePixels) : 8;
        var side = (symbol.Size + (2 * QuietZone)) * scale;
        var pixels = new byte[side * side];
        for (var y = 0; y < side; y++)
        {
            var my = (y / scale) - QuietZone;
            for (var x = 0; x < side; x++)
            {
                var mx = (x / scale) - QuietZone;
                var isDark = mx >= 0 && my >= 0 && mx < symbol.Size && my < symbol.Size && symbol[mx, my];
                pixels[(y * side) + x] = isDark ? dark : light;
            }
        }

        var image = new Mat(side, side, MatType.CV_8UC1);
        image.SetArray(pixels);
        if (whole)
        {
            return image;
        }

        using (image)
        {
            var target = (int)Math.Round((symbol.Size + (2 * QuietZone)) * modulePixels);
            return image.Resize(new Size(target, target), 0, 0, InterpolationFlags.Area);
        }
    }
}
