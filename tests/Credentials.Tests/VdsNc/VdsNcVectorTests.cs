using System.Text.Json.Nodes;
using ScanPoint.Credentials.VdsNc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.VdsNc;

/// <summary>Every published seal in ../shared/testdata/vds-nc: the signature verifies; the CSCA is not ours.</summary>
public sealed class VdsNcVectorTests
{
    /// <summary>Inside both vector DSCs' validity (UTO: 2021-04-27..2026-03-12, AU: 2021-08-31..2031-09-30).</summary>
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Vectors() => [.. VdsNcVectors.Names()];

    [Fact]
    public void Vectors_AllThreeSealsPresent()
    {
        Assert.Equal(3, VdsNcVectors.Names().Count());
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_VectorWithoutItsCsca_SignatureVerifiesButUnverifiableCsca(string name)
    {
        var result = VdsNcVerifier.Verify(VdsNcVectors.Text(name), VdsNcTrust.Empty, Now);

        Assert.True(result.SignatureVerified);
        Assert.Equal(new Verdict.Unverifiable(VerdictCodes.Csca), result.Verdict);
        Assert.NotNull(result.Data);
        Assert.False(string.IsNullOrEmpty(result.SignerSubject));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_VectorWithWrongCsca_UnverifiableCsca(string name)
    {
        using var other = new TestVdsNcIssuer(Now.AddYears(-1), Now.AddYears(1));

        var result = VdsNcVerifier.Verify(VdsNcVectors.Text(name), other.Trust, Now);

        Assert.Equal(new Verdict.Unverifiable(VerdictCodes.Csca), result.Verdict);
        Assert.True(result.SignatureVerified);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_VectorAsPublishedIndented_SignatureStillVerifies(string name)
    {
        var text = VdsNcVectors.Seal(name).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        Assert.True(VdsNcVerifier.Verify(text, VdsNcTrust.Empty, Now).SignatureVerified);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_VectorWithTamperedDob_RejectedSig(string name)
    {
        var seal = VdsNcVectors.Seal(name);
        seal["data"]!["msg"]!["pid"]!["dob"] = "1990-01-03";

        var result = VdsNcVerifier.Verify(seal.ToJsonString(), VdsNcTrust.Empty, Now);

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Signature), result.Verdict);
        Assert.False(result.SignatureVerified);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_VectorWithFlippedSignatureBit_RejectedSig(string name)
    {
        var seal = VdsNcVectors.Seal(name);
        var sigvl = seal["sig"]!["sigvl"]!.GetValue<string>();
        seal["sig"]!["sigvl"] = (sigvl[0] == 'A' ? "B" : "A") + sigvl[1..];

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Signature), VdsNcVerifier.Verify(seal.ToJsonString(), VdsNcTrust.Empty, Now).Verdict);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_VectorWithExtraDataMember_RejectedSig(string name)
    {
        var seal = VdsNcVectors.Seal(name);
        ((JsonObject)seal["data"]!["msg"]!).Add("extra", 1);

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Signature), VdsNcVerifier.Verify(seal.ToJsonString(), VdsNcTrust.Empty, Now).Verdict);
    }

    [Fact]
    public void Verify_AustralianSeal_SignerSubjectIsDfat()
    {
        var result = VdsNcVerifier.Verify(VdsNcVectors.Text("apo-unpacking-a-vds-nc.json#0"), VdsNcTrust.Empty, Now);

        Assert.Contains("CN=DFAT", result.SignerSubject, StringComparison.Ordinal);
        Assert.Equal("CITIZEN  JANE CATHERINE", result.Data!["msg"]!["pid"]!["n"]!.GetValue<string>());
    }
}
