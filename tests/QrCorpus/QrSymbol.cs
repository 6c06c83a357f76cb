using System.Collections;
using QRCoder;

namespace ScanPoint.QrCorpus;

/// <summary>A QR symbol's modules (without quiet zone) as QRCoder encodes them; <c>true</c> is dark.</summary>
public sealed class QrSymbol
{
    private readonly bool[,] _modules;

    private QrSymbol(bool[,] modules)
    {
        _modules = modules;
        Size = modules.GetLength(0);
    }

    /// <summary>Modules per side (21 for version 1, plus 4 per version).</summary>
    public int Size { get; }

    public int Version => (Size - 17) / 4;

    public bool this[int x, int y] => _modules[y, x];

    /// <summary>
    /// Text as QRCoder chooses its mode (numeric, alphanumeric, else byte in ISO-8859-1 or, when that cannot hold it,
    /// UTF-8). <paramref name="utf8Eci"/> forces UTF-8 with an ECI 26 segment.
    /// </summary>
    public static QrSymbol FromText(string text, QRCodeGenerator.ECCLevel ecc, bool utf8Eci = false)
    {
        using var generator = new QRCodeGenerator();
        using var data = utf8Eci
            ? generator.CreateQrCode(text, ecc, forceUtf8: true, utf8BOM: false, eciMode: QRCodeGenerator.EciMode.Utf8)
            : generator.CreateQrCode(text, ecc);
        return FromData(data);
    }

    /// <summary>Arbitrary bytes in one byte-mode segment, without ECI.</summary>
    public static QrSymbol FromBytes(byte[] data, QRCodeGenerator.ECCLevel ecc)
    {
        using var generator = new QRCodeGenerator();
        using var code = generator.CreateQrCode(data, ecc);
        return FromData(code);
    }

    /// <summary>Modules read from a 1-pixel-per-module image (e.g. ZXingWriter's output with no margin).</summary>
    public static QrSymbol FromPixels(Func<int, int, bool> isDark, int size)
    {
        ArgumentNullException.ThrowIfNull(isDark);
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                modules[y, x] = isDark(x, y);
            }
        }

        return new QrSymbol(modules);
    }

    private static QrSymbol FromData(QRCodeData data)
    {
        // QRCoder's matrix includes a 4-module quiet zone on every side
        var matrix = data.ModuleMatrix;
        var size = matrix.Count - 8;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            BitArray row = matrix[y + 4];
            for (var x = 0; x < size; x++)
            {
                modules[y, x] = row[x + 4];
            }
        }

        return new QrSymbol(modules);
    }
}
