using System.IO.Compression;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Dcc;

public sealed class ZlibStageTests
{
    internal static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    [Fact]
    public void TryInflate_ExactlyAtBound_Inflates()
    {
        var result = ZlibStage.TryInflate(Compress(new byte[ZlibStage.MaxInflatedBytes]));

        Assert.True(result.IsSuccess);
        Assert.Equal(ZlibStage.MaxInflatedBytes, result.Value!.Length);
    }

    [Fact]
    public void TryInflate_ZipBomb_IsTooLarge()
    {
        var bomb = Compress(new byte[16 * 1024 * 1024]);
        Assert.True(bomb.Length < 20_000);

        var result = ZlibStage.TryInflate(bomb);

        Assert.Equal(new Verdict.Rejected(VerdictCodes.TooLarge), result.Failure);
    }

    [Fact]
    public void Verify_ZipBombInHc1_IsTooLarge()
    {
        var qr = "HC1:" + Base45.Encode(Compress(new byte[ZlibStage.MaxInflatedBytes + 1]));

        var result = DccVerifier.Verify(qr, Trust.DscTrustList.Empty, DateTimeOffset.UnixEpoch);

        Assert.Equal(new Verdict.Rejected(VerdictCodes.TooLarge), result.Verdict);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x78 })]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0x03 })]
    [InlineData(new byte[] { 0x78, 0x9C, 0xFF, 0xFF, 0xFF })]
    public void TryInflate_NotZlib_IsZlib(byte[] data)
    {
        var result = ZlibStage.TryInflate(data);

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Zlib), result.Failure);
    }
}
