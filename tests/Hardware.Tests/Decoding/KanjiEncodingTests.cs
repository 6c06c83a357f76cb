using System.Diagnostics;
using System.Text;
using OpenCvSharp;
using ScanPoint.Hardware.Decoding;
using ScanPoint.QrCorpus;
using ScanPoint.TestKit;

namespace ScanPoint.Hardware.Tests.Decoding;

/// <summary>
/// Kanji mode, which QRCoder cannot write: zxing-cpp's own <c>ZXingWriter</c> (Debian's zxing-cpp-tools, installed by
/// deploy/dev/packages.sh) picks it for Shift_JIS text made only of double-byte characters.
/// </summary>
public sealed class KanjiEncodingTests
{
    private const string Text = "日本語漢字検査日本語"; // 10 kanji: version 1-L holds 10 in Kanji mode, 17 bytes (8 kanji) in byte mode

    [Fact]
    public void Decode_KanjiMode_ReturnsTextAndShiftJisBytes()
    {
        using var folder = new TempDirectory("kanji");
        var png = folder.File("kanji.png");
        Run("ZXingWriter", "-size", "1x1", "-margin", "0", "-encoding", "Shift_JIS", "-ecc", "0", "QRCode", Text, png);
        var pixels = ImageFiles.Load(png);
        var symbol = QrSymbol.FromPixels((x, y) => pixels.Pixels[(y * pixels.Stride) + x] < 128, pixels.Width);
        using var image = QrRenderer.Render(symbol, 4);

        var code = Assert.Single(new ZxingQrDecoder().Decode(Frames.ToGreyImage(image)));

        Assert.Equal(21, pixels.Width); // version 1: only Kanji mode fits
        Assert.Equal(Text, code.Text);
        Assert.Equal(ShiftJis().GetBytes(Text), code.Bytes);
        Assert.Equal("L", code.ErrorCorrection);
    }

    private static Encoding ShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("shift_jis");
    }

    private static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start");
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), tool + " did not finish within 30 s");
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {error.Result}");
    }
}
