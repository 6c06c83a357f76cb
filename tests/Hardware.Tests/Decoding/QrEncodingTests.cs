using System.Text;
using OpenCvSharp;
using QRCoder;
using ScanPoint.Hardware.Decoding;
using ScanPoint.QrCorpus;

namespace ScanPoint.Hardware.Tests.Decoding;

/// <summary>
/// zxing-cpp through our shim reads every QR encoding mode a credential uses, byte for byte. Where the mode matters the
/// symbol's version proves QRCoder used it: the text would not fit that version in byte mode.
/// </summary>
public sealed class QrEncodingTests
{
    private readonly ZxingQrDecoder _decoder = new();

    [Fact]
    public void Decode_Latin1TextInByteMode_ReturnsTextAndLatin1Bytes()
    {
        const string text = "Grüße aus Köln, café";

        var code = DecodeOne(QrSymbol.FromText(text, QRCodeGenerator.ECCLevel.M));

        Assert.Equal(text, code.Text);
        Assert.Equal(Encoding.Latin1.GetBytes(text), code.Bytes);
        Assert.False(code.HasEci);
    }

    [Fact]
    public void Decode_AlphanumericMode_ReturnsText()
    {
        const string text = "HC1:NCFOXN%TSMAHN-HBUKN*5"; // 25 characters: version 1-L holds 25 alphanumerics but 17 bytes
        var symbol = QrSymbol.FromText(text, QRCodeGenerator.ECCLevel.L);

        var code = DecodeOne(symbol);

        Assert.Equal(1, symbol.Version);
        Assert.Equal(text, code.Text);
    }

    [Fact]
    public void Decode_DccSizedHc1_ReturnsText()
    {
        var payload = new QrPayloads(new Random(11)).Hc1();

        var code = DecodeOne(QrSymbol.FromText(payload.Text, QRCodeGenerator.ECCLevel.Q));

        Assert.InRange(payload.Text.Length, 300, 610);
        Assert.Equal(payload.Text, code.Text);
    }

    [Fact]
    public void Decode_NumericMode_ReturnsDigits()
    {
        const string digits = "56762909524320603460292437404460312229595"; // 41 digits: version 1-L, numeric mode only
        var symbol = QrSymbol.FromText(digits, QRCodeGenerator.ECCLevel.L);

        var code = DecodeOne(symbol);

        Assert.Equal(1, symbol.Version);
        Assert.Equal(digits, code.Text);
    }

    [Fact]
    public void Decode_SmartHealthCardDigits_ReturnsText()
    {
        var payload = new QrPayloads(new Random(12)).Shc();

        var code = DecodeOne(QrSymbol.FromText(payload.Text, QRCodeGenerator.ECCLevel.L));

        Assert.StartsWith("shc:/", code.Text, StringComparison.Ordinal);
        Assert.Equal(payload.Text, code.Text);
    }

    [Fact]
    public void Decode_Utf8WithEci_ReturnsTextAndReportsEci()
    {
        const string text = "Nguyễn Văn An, Hà Nội";

        var code = DecodeOne(QrSymbol.FromText(text, QRCodeGenerator.ECCLevel.M, utf8Eci: true));

        Assert.Equal(text, code.Text);
        Assert.Equal(Encoding.UTF8.GetBytes(text), code.Bytes);
        Assert.True(code.HasEci);
    }

    [Fact]
    public void Decode_Utf8WithoutEci_ReturnsText()
    {
        const string text = "Nguyễn Văn An, Hà Nội"; // not ISO-8859-1: QRCoder writes UTF-8 bytes and no ECI

        var code = DecodeOne(QrSymbol.FromText(text, QRCodeGenerator.ECCLevel.M));

        Assert.Equal(text, code.Text);
        Assert.False(code.HasEci);
    }

    [Fact]
    public void Decode_ArbitraryBytes_ReturnsThemExactly()
    {
        var data = new byte[300];
        for (var i = 0; i < 256; i++)
        {
            data[i] = (byte)i;
        }

        new Random(13).NextBytes(data.AsSpan(256));
        data[^2] = 0x00;
        data[^1] = 0xFF;

        var code = DecodeOne(QrSymbol.FromBytes(data, QRCodeGenerator.ECCLevel.M));

        Assert.Equal(data, code.Bytes);
    }

    [Theory]
    [InlineData(QRCodeGenerator.ECCLevel.L, "L")]
    [InlineData(QRCodeGenerator.ECCLevel.M, "M")]
    [InlineData(QRCodeGenerator.ECCLevel.Q, "Q")]
    [InlineData(QRCodeGenerator.ECCLevel.H, "H")]
    public void Decode_EachErrorCorrectionLevel_ReportsIt(QRCodeGenerator.ECCLevel level, string expected)
    {
        var code = DecodeOne(QrSymbol.FromText("https://scanpoint.vn/c/Ab3dE5gH7k", level));

        Assert.Equal(expected, code.ErrorCorrection);
    }

    private DecodedCode DecodeOne(QrSymbol symbol)
    {
        using var image = QrRenderer.Render(symbol, 4);
        return Assert.Single(_decoder.Decode(Frames.ToGreyImage(image)));
    }
}
