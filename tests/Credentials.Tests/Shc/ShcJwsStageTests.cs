using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Shc;

public sealed class ShcJwsStageTests
{
    private static readonly DateTimeOffset Now = ShcExamples.Now;

    [Theory]
    [InlineData("""{"zip":"DEF","alg":"ES384","kid":"k"}""", VerdictCodes.Algorithm)]
    [InlineData("""{"zip":"DEF","alg":"none","kid":"k"}""", VerdictCodes.Algorithm)]
    [InlineData("""{"zip":"DEF","kid":"k"}""", VerdictCodes.Jws)]
    [InlineData("""{"alg":"ES256","kid":"k"}""", VerdictCodes.Jws)]
    [InlineData("""{"zip":"GZIP","alg":"ES256","kid":"k"}""", VerdictCodes.Jws)]
    [InlineData("""{"zip":"DEF","alg":"ES256"}""", VerdictCodes.Jws)]
    [InlineData("""{"zip":"DEF","alg":"ES256","kid":7}""", VerdictCodes.Jws)]
    [InlineData("""{"zip":"DEF","alg":"ES256","kid":"k","crit":["x"]}""", VerdictCodes.Jws)]
    [InlineData("""{"zip":"DEF","alg":"ES256","alg":"ES256","kid":"k"}""", VerdictCodes.Jws)]
    [InlineData("""["zip"]""", VerdictCodes.Jws)]
    public void Verify_BadHeader_IsRejectedWithCode(string header, string code)
    {
        using var issuer = new TestShcIssuer();
        var jws = issuer.Sign(TestShcIssuer.Payload(Now.AddDays(-1)), header);

        Assert.Equal(new Verdict.Rejected(code), ShcVerifier.Verify(ShcExamples.ToQr(jws), issuer.Issuers(), Now).Verdict);
    }

    [Theory]
    [InlineData("abc.def")]
    [InlineData("abc.def.ghi.jkl")]
    [InlineData(".def.ghi")]
    [InlineData("abc..ghi")]
    [InlineData("abc.def.")]
    [InlineData("abcde.def.ghi")]
    [InlineData("ab==.def.ghi")]
    [InlineData("eyJ9.def.ghi")]
    [InlineData("abc.deg.ghi")]
    public void TryParse_NotCompactJws_IsRejectedJws(string jws)
    {
        Assert.Equal(new Verdict.Rejected(VerdictCodes.Jws), ShcJwsStage.TryParse(jws).Failure);
    }

    [Fact]
    public void TryParse_ExampleJws_ReadsKidAndSigningInput()
    {
        var jws = ShcExamples.Jws(0);

        var parsed = ShcJwsStage.TryParse(jws).Value!;

        Assert.Equal(ShcExamples.Kid, parsed.Kid);
        Assert.Equal(jws[..jws.LastIndexOf('.')], System.Text.Encoding.ASCII.GetString(parsed.SigningInput));
        Assert.Equal(64, parsed.Signature.Length);
    }

    [Fact]
    public void TryParse_BeyondBounds_IsTooLarge()
    {
        var bigHeader = TestShcIssuer.Base64Url(new byte[ShcJwsStage.MaxHeaderBytes + 1]);

        Assert.Equal(VerdictCodes.TooLarge, ShcJwsStage.TryParse(new string('A', ShcJwsStage.MaxJwsLength + 1)).Failure!.Code);
        Assert.Equal(VerdictCodes.TooLarge, ShcJwsStage.TryParse(bigHeader + ".AAAA.AAAA").Failure!.Code);
    }
}
