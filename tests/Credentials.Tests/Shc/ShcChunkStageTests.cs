using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Shc;

public sealed class ShcChunkStageTests
{
    private static readonly DateTimeOffset Now = ShcExamples.Now;

    public static TheoryData<int[]> Orders => new() { new[] { 0, 1, 2 }, new[] { 2, 1, 0 }, new[] { 1, 2, 0 }, new[] { 2, 0, 1 } };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Verify_ChunkedExampleInAnyOrder_IsAccepted(int[] order)
    {
        var chunks = ShcExamples.QrTexts(2);

        var result = ShcVerifier.Verify(order.Select(i => chunks[i]).ToArray(), ShcExamples.Issuers, Now);

        Assert.IsType<Verdict.Accepted>(result.Verdict);
    }

    [Fact]
    public void TryAssemble_ChunkedExample_JoinsToTheJwsDigits()
    {
        var digits = ShcChunkStage.TryAssemble(ShcExamples.QrTexts(2).Reverse().ToArray());

        Assert.Equal(ShcNumericStage.Encode(ShcExamples.Jws(2)), digits.Value);
    }

    [Fact]
    public void Verify_MissingChunk_IsRejectedChunks()
    {
        var chunks = ShcExamples.QrTexts(2);

        Assert.Equal(new Verdict.Rejected(VerdictCodes.ShcChunks), ShcVerifier.Verify([chunks[0], chunks[2]], ShcExamples.Issuers, Now).Verdict);
        Assert.Equal(new Verdict.Rejected(VerdictCodes.ShcChunks), ShcVerifier.Verify(chunks[1], ShcExamples.Issuers, Now).Verdict);
    }

    [Fact]
    public void Verify_DuplicateChunk_IsRejectedChunks()
    {
        var chunks = ShcExamples.QrTexts(2);

        Assert.Equal(new Verdict.Rejected(VerdictCodes.ShcChunks), ShcVerifier.Verify([chunks[0], chunks[1], chunks[1]], ShcExamples.Issuers, Now).Verdict);
        Assert.Equal(new Verdict.Rejected(VerdictCodes.ShcChunks), ShcVerifier.Verify([chunks[0], chunks[1], chunks[2], chunks[2]], ShcExamples.Issuers, Now).Verdict);
    }

    [Theory]
    [InlineData("shc:/1/2/5676", "shc:/2/3/5676", "shc:/3/3/5676")]
    [InlineData("shc:/0/3/5676", "shc:/2/3/5676", "shc:/3/3/5676")]
    [InlineData("shc:/1/3/5676", "shc:/2/3/5676", "shc:/4/3/5676")]
    [InlineData("shc:/1/3/5676", "shc:/02/3/5676", "shc:/3/3/5676")]
    [InlineData("shc:/1/3/5676", "shc:/+2/3/5676", "shc:/3/3/5676")]
    [InlineData("shc:/1/3/5676", "shc:/2/3/567", "shc:/3/3/5676")]
    [InlineData("shc:/1/3/5676", "shc:/2/3", "shc:/3/3/5676")]
    [InlineData("shc:/1/3/5676", "shc:/2/3/56/76", "shc:/3/3/5676")]
    [InlineData("shc:/1/3/5676", "shc:/5676", "shc:/3/3/5676")]
    public void TryAssemble_InconsistentSet_IsRejectedChunks(string a, string b, string c)
    {
        Assert.Equal(new Verdict.Rejected(VerdictCodes.ShcChunks), ShcChunkStage.TryAssemble([a, b, c]).Failure);
    }

    [Fact]
    public void TryAssemble_EmptyOrTooManyOrWrongPrefix_IsRejected()
    {
        Assert.Equal(VerdictCodes.ShcChunks, ShcChunkStage.TryAssemble([]).Failure!.Code);
        Assert.Equal(VerdictCodes.ShcChunks, ShcChunkStage.TryAssemble(null).Failure!.Code);
        Assert.Equal(VerdictCodes.TooLarge, ShcChunkStage.TryAssemble(Enumerable.Repeat("shc:/1/9/00", 9).ToArray()).Failure!.Code);
        Assert.Equal(VerdictCodes.Prefix, ShcChunkStage.TryAssemble(["shc:/1/2/00", "SHC:/2/2/00"]).Failure!.Code);
        Assert.Equal(VerdictCodes.Prefix, ShcChunkStage.TryAssemble(["HC1:NCF"]).Failure!.Code);
        Assert.Equal(VerdictCodes.Prefix, ShcChunkStage.TryAssemble([null]).Failure!.Code);
        Assert.Equal(VerdictCodes.TooLarge, ShcChunkStage.TryAssemble(["shc:/" + new string('0', 9000)]).Failure!.Code);
    }
}
