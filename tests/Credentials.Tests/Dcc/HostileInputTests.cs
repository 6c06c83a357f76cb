using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Dcc;

/// <summary>Hostile inputs end in Rejected/Unverifiable with a stage code, never an exception or INTERNAL.</summary>
public sealed class HostileInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static Verdict VerifyCose(byte[] cose) =>
        DccVerifier.Verify(TestDccIssuer.ToQr(cose), DscTrustList.Empty, Now).Verdict;

    private static void AssertFailsCleanly(Verdict verdict)
    {
        Assert.IsNotType<Verdict.Accepted>(verdict);
        Assert.NotEqual(VerdictCodes.Internal, verdict.Code);
    }

    [Fact]
    public void Verify_RandomBytesAtEveryStage_FailCleanly()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);

            AssertFailsCleanly(VerifyCose(bytes));
            AssertFailsCleanly(DccVerifier.Verify("HC1:" + Base45.Encode(bytes), DscTrustList.Empty, Now).Verdict);
            AssertFailsCleanly(DccVerifier.Verify(new string(bytes.Select(b => (char)b).ToArray()), DscTrustList.Empty, Now).Verdict);
            Assert.False(CwtStage.TryRead(bytes).IsSuccess && bytes.Length == 0);
        }
    }

    [Fact]
    public void Verify_TruncatedCoseAtEveryLength_FailsCleanly()
    {
        using var issuer = new TestDccIssuer(Now.AddYears(-1), Now.AddYears(1));
        var cose = issuer.SignCose(TestDccIssuer.Claims(Now.AddDays(-1), Now.AddDays(1)), cwtTag: true);
        var trust = DscTrustList.FromDer([issuer.Der]);

        for (var length = 0; length < cose.Length; length++)
        {
            var verdict = DccVerifier.Verify(TestDccIssuer.ToQr(cose[..length]), trust, Now).Verdict;

            AssertFailsCleanly(verdict);
        }

        Assert.IsType<Verdict.Accepted>(DccVerifier.Verify(TestDccIssuer.ToQr(cose), trust, Now).Verdict);
    }

    [Fact]
    public void Verify_MutatedValidCose_NeverThrowsNorFailsInternally()
    {
        using var issuer = new TestDccIssuer(Now.AddYears(-1), Now.AddYears(1));
        var cose = issuer.SignCose(TestDccIssuer.Claims(Now.AddDays(-1), Now.AddDays(1)), cwtTag: true);
        var trust = DscTrustList.FromDer([issuer.Der]);
        var random = new Random(7);

        for (var i = 0; i < 3000; i++)
        {
            var mutated = (byte[])cose.Clone();
            mutated[random.Next(mutated.Length)] = (byte)random.Next(256);

            var verdict = DccVerifier.Verify(TestDccIssuer.ToQr(mutated), trust, Now).Verdict;

            Assert.NotEqual(VerdictCodes.Internal, verdict.Code);
        }
    }

    [Fact]
    public void Verify_FlippedSignatureByte_IsRejectedSig()
    {
        using var issuer = new TestDccIssuer(Now.AddYears(-1), Now.AddYears(1));
        var cose = issuer.SignCose(TestDccIssuer.Claims(Now.AddDays(-1), Now.AddDays(1)));
        cose[^1] ^= 0x01;

        var verdict = DccVerifier.Verify(TestDccIssuer.ToQr(cose), DscTrustList.FromDer([issuer.Der]), Now).Verdict;

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Signature), verdict);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(10_000)]
    public void Verify_DeeplyNestedCbor_IsRejectedCose(int depth)
    {
        byte[] nested = [.. Enumerable.Repeat((byte)0x81, depth), 0x00];

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Cose), VerifyCose(nested));
        Assert.Equal(new Verdict.Rejected(VerdictCodes.Cbor), CwtStage.TryRead(nested).Failure);
    }

    [Fact]
    public void TryRead_DeeplyNestedPayloadInsideHcert_IsRejectedCbor()
    {
        // {-260: {1: [[[[…]]]]}} nested beyond the depth bound
        byte[] claims = [0xA1, 0x39, 0x01, 0x03, 0xA1, 0x01, .. Enumerable.Repeat((byte)0x81, 20), 0x00];

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Cbor), CwtStage.TryRead(claims).Failure);
    }

    [Theory]
    [InlineData("9BFFFFFFFFFFFFFFFF")] // array claiming 2^64-1 items
    [InlineData("BBFFFFFFFFFFFFFFFF")] // map claiming 2^64-1 pairs
    [InlineData("5BFFFFFFFFFFFFFFFF")] // byte string claiming 2^64-1 bytes
    [InlineData("D2D2D28440A0F640")] // tag 18 repeated
    [InlineData("D28440A0F640")] // detached payload (nil)
    [InlineData("D2834040A0")] // array of 3
    [InlineData("D8 3D D8 3D 84 40 A0 40 40")] // tag 61 twice
    public void TryParse_MalformedCose_IsRejected(string hex)
    {
        var result = CoseStage.TryParse(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)));

        Assert.False(result.IsSuccess);
        Assert.IsType<Verdict.Rejected>(result.Failure);
    }

    [Fact]
    public void Verify_OversizedText_IsTooLarge()
    {
        var verdict = DccVerifier.Verify("HC1:" + new string('0', PrefixStage.MaxTextLength), DscTrustList.Empty, Now).Verdict;

        Assert.Equal(new Verdict.Rejected(VerdictCodes.TooLarge), verdict);
    }

    [Fact]
    public void FromDer_GarbageCertificates_AreCountedAndLeftOut()
    {
        var trust = DscTrustList.FromDer([[], [0x30, 0x03, 0x02, 0x01, 0x00], new byte[100]]);

        Assert.Equal(0, trust.Count);
        Assert.Equal(3, trust.RejectedCount);
    }
}
