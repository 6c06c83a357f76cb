using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Shc;

public sealed class ShcNumericStageTests
{
    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("567")]
    [InlineData("78")]
    [InlineData("0099")]
    [InlineData("56a6")]
    [InlineData("56 6")]
    [InlineData("5６")]
    [InlineData("-1")]
    public void TryDecode_InvalidDigits_IsRejectedNumeric(string digits)
    {
        Assert.Equal(new Verdict.Rejected(VerdictCodes.ShcNumeric), ShcNumericStage.TryDecode(digits).Failure);
    }

    [Fact]
    public void TryDecode_AllPairs_MapToDashThroughZ()
    {
        var digits = string.Concat(Enumerable.Range(0, 78).Select(i => i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)));

        var text = ShcNumericStage.TryDecode(digits).Value!;

        Assert.Equal(78, text.Length);
        Assert.Equal('-', text[0]);
        Assert.Equal('.', text[1]);
        Assert.Equal('z', text[77]);
        Assert.Equal(digits, ShcNumericStage.Encode(text));
    }

    [Fact]
    public void TryDecode_ExampleQr_IsTheCompactJws()
    {
        var qr = ShcExamples.QrTexts(0)[0];

        Assert.Equal(ShcExamples.Jws(0), ShcNumericStage.TryDecode(qr[ShcChunkStage.Prefix.Length..]).Value);
    }

    [Fact]
    public void TryDecode_BeyondBound_IsTooLarge()
    {
        Assert.Equal(VerdictCodes.TooLarge, ShcNumericStage.TryDecode(new string('0', (2 * ShcJwsStage.MaxJwsLength) + 2)).Failure!.Code);
    }

    [Theory]
    [InlineData("shc:/567", VerdictCodes.ShcNumeric)]
    [InlineData("shc:/5678", VerdictCodes.ShcNumeric)]
    [InlineData("shc:/", VerdictCodes.ShcNumeric)]
    [InlineData("shc:/5656", VerdictCodes.Jws)]
    [InlineData("shc:5656", VerdictCodes.Prefix)]
    public void Verify_NumericModeErrors_AreRejectedWithCode(string qr, string code)
    {
        Assert.Equal(new Verdict.Rejected(code), ShcVerifier.Verify(qr, ShcExamples.Issuers, ShcExamples.Now).Verdict);
    }
}
