using System.Security.Cryptography;
using ScanPoint.Credentials.VdsNc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.VdsNc;

/// <summary>Seals minted by <see cref="TestVdsNcIssuer"/>: the trusted path and each stage's code.</summary>
public sealed class VdsNcVerifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<bool, string> Cscas() => new() { { false, "ec" }, { true, "pkcs1" }, { true, "pss" } };

    [Theory]
    [MemberData(nameof(Cscas))]
    public void Verify_SealChainedToConfiguredCsca_Accepted(bool rsa, string padding)
    {
        using var issuer = new TestVdsNcIssuer(Now.AddYears(-1), Now.AddYears(1), rsa, padding == "pss" ? RSASignaturePadding.Pss : null);

        var result = VdsNcVerifier.Verify(issuer.Seal(TestVdsNcIssuer.Data("Nguyễn Văn Đức")), issuer.Trust, Now);

        Assert.IsType<Verdict.Accepted>(result.Verdict);
        Assert.True(result.SignatureVerified);
        Assert.Equal("Nguyễn Văn Đức", result.Data!["msg"]!["pid"]!["n"]!.GetValue<string>());
        Assert.Equal("CN=Test DSC, C=UT", result.SignerSubject);
    }

    [Fact]
    public void Verify_OtherIssuersCsca_UnverifiableCsca()
    {
        using var issuer = new TestVdsNcIssuer(Now.AddYears(-1), Now.AddYears(1));
        using var other = new TestVdsNcIssuer(Now.AddYears(-1), Now.AddYears(1));

        var result = VdsNcVerifier.Verify(issuer.Seal(TestVdsNcIssuer.Data()), other.Trust, Now);

        Assert.Equal(new Verdict.Unverifiable(VerdictCodes.Csca), result.Verdict);
        Assert.True(result.SignatureVerified);
    }

    [Fact]
    public void Verify_DscExpired_RejectedDscTime()
    {
        using var issuer = new TestVdsNcIssuer(Now.AddYears(-2), Now.AddDays(-1));

        Assert.Equal(new Verdict.Rejected(VerdictCodes.DscTime), VdsNcVerifier.Verify(issuer.Seal(TestVdsNcIssuer.Data()), issuer.Trust, Now).Verdict);
    }

    [Fact]
    public void Verify_DscNotYetValid_RejectedDscTime()
    {
        using var issuer = new TestVdsNcIssuer(Now.AddDays(1), Now.AddYears(1));

        Assert.Equal(new Verdict.Rejected(VerdictCodes.DscTime), VdsNcVerifier.Verify(issuer.Seal(TestVdsNcIssuer.Data()), issuer.Trust, Now).Verdict);
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("none")]
    [InlineData("")]
    public void Verify_UnsupportedAlg_UnverifiableAlg(string alg)
    {
        using var issuer = new TestVdsNcIssuer(Now.AddYears(-1), Now.AddYears(1));

        Assert.Equal(new Verdict.Unverifiable(VerdictCodes.Algorithm), VdsNcVerifier.Verify(issuer.Seal(TestVdsNcIssuer.Data(), alg), issuer.Trust, Now).Verdict);
    }

    [Fact]
    public void Verify_Es384ClaimedForEs256Signature_RejectedSig()
    {
        using var issuer = new TestVdsNcIssuer(Now.AddYears(-1), Now.AddYears(1));

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Signature), VdsNcVerifier.Verify(issuer.Seal(TestVdsNcIssuer.Data(), "ES384"), issuer.Trust, Now).Verdict);
    }

    [Fact]
    public void Verify_UnknownSealType_UnverifiableVdsFormat()
    {
        using var issuer = new TestVdsNcIssuer(Now.AddYears(-1), Now.AddYears(1));
        var data = TestVdsNcIssuer.Data();
        data["hdr"]!["t"] = "icao.other";

        Assert.Equal(new Verdict.Unverifiable(VerdictCodes.VdsFormat), VdsNcVerifier.Verify(issuer.Seal(data), issuer.Trust, Now).Verdict);
    }

    [Fact]
    public void Verify_NonAsciiAndNumbersInData_CanonicalFormSigned()
    {
        using var issuer = new TestVdsNcIssuer(Now.AddYears(-1), Now.AddYears(1));
        var data = TestVdsNcIssuer.Data("Trần Thị Ngọc \"Ánh\"\t/ 😀");
        data["msg"]!["n"] = 1.5e-7;
        data["msg"]!["big"] = 1e21;

        Assert.IsType<Verdict.Accepted>(VdsNcVerifier.Verify(issuer.Seal(data), issuer.Trust, Now).Verdict);
    }

    [Fact]
    public void FromDer_Garbage_CountedAsRejected()
    {
        using var issuer = new TestVdsNcIssuer(Now.AddYears(-1), Now.AddYears(1));

        var trust = VdsNcTrust.FromDer([[1, 2, 3], issuer.CscaDer]);

        Assert.Equal(1, trust.Count);
        Assert.Equal(1, trust.RejectedCount);
    }
}
