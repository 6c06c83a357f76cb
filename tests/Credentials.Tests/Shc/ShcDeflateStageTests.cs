using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Shc;

public sealed class ShcDeflateStageTests
{
    [Fact]
    public void TryInflate_Bomb_IsTooLarge()
    {
        var bomb = TestShcIssuer.Deflate(new byte[10 * 1024 * 1024]);

        Assert.True(bomb.Length < 16 * 1024);
        Assert.Equal(new Verdict.Rejected(VerdictCodes.TooLarge), ShcDeflateStage.TryInflate(bomb).Failure);
    }

    [Fact]
    public void TryInflate_ExactlyAtBound_IsAccepted()
    {
        var data = TestShcIssuer.Deflate(new byte[ShcDeflateStage.MaxInflatedBytes]);

        Assert.Equal(ShcDeflateStage.MaxInflatedBytes, ShcDeflateStage.TryInflate(data).Value!.Length);
        Assert.Equal(VerdictCodes.TooLarge, ShcDeflateStage.TryInflate(TestShcIssuer.Deflate(new byte[ShcDeflateStage.MaxInflatedBytes + 1])).Failure!.Code);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0xff, 0xff, 0xff })]
    [InlineData(new byte[] { 0x03, 0x00 })]
    public void TryInflate_NotRawDeflate_IsRejectedDeflate(byte[] data)
    {
        Assert.Equal(new Verdict.Rejected(VerdictCodes.Deflate), ShcDeflateStage.TryInflate(data).Failure);
    }

    [Fact]
    public void Verify_SignedBomb_IsTooLargeBeforeSignature()
    {
        using var issuer = new TestShcIssuer();
        var jws = issuer.SignCompressed(TestShcIssuer.Deflate(new byte[1024 * 1024]));
        Assert.True(jws.Length < 2 * 1024);

        var verdict = ShcVerifier.Verify(ShcExamples.ToQr(jws), issuer.Issuers(), ShcExamples.Now).Verdict;

        Assert.Equal(new Verdict.Rejected(VerdictCodes.TooLarge), verdict);
    }
}
