using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ScanPoint.Credentials.Declarations;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Declarations;

public sealed class DeclarationVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DeclarationPass Movement = new(DeclarationPass.Movement, "Nguyễn Văn A", "1990-01-01", DeclarationIssuer.HashIdNumber("001090000001"), "HN", "HCM", "ok");
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _signer;
    private readonly byte[] _signerWithoutUsage;

    public DeclarationVerifierTests()
    {
        var request = new CertificateRequest("CN=Declaration signer", _key, HashAlgorithmName.SHA256);
        using var plain = request.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(1));
        _signerWithoutUsage = plain.RawData;
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(DeclarationClaims.SignerKeyUsage)], false));
        using var signer = request.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(1));
        _signer = signer.RawData;
    }

    [Fact]
    public void Verify_FreshMovementPass_AcceptedWithClaims()
    {
        var result = DeclarationVerifier.Verify(Issue(Movement, Now.AddHours(-1), Now.AddHours(71)), Signers(_signer), Now);

        Assert.IsType<Verdict.Accepted>(result.Verdict);
        Assert.Equal(Movement, result.Claims!.Pass);
        Assert.Equal("VN", result.Claims.Issuer);
    }

    [Theory]
    [InlineData(-80, -8, VerdictCodes.Expired)]
    [InlineData(1, 60, VerdictCodes.IssuedAt)]
    [InlineData(-1, 100, VerdictCodes.DeclarationWindow)]
    public void Verify_OutsideItsWindow_Rejected(int issuedHours, int expiresHours, string code)
    {
        var result = DeclarationVerifier.Verify(Issue(Movement, Now.AddHours(issuedHours), Now.AddHours(expiresHours)), Signers(_signer), Now);

        Assert.Equal(new Verdict.Rejected(code), result.Verdict);
    }

    [Fact]
    public void Verify_HealthDeclarationOver24Hours_RejectedWindow()
    {
        var health = Movement with { Type = DeclarationPass.Health, From = null, To = null };

        Assert.Equal(new Verdict.Rejected(VerdictCodes.DeclarationWindow), DeclarationVerifier.Verify(Issue(health, Now, Now.AddHours(30)), Signers(_signer), Now).Verdict);
        Assert.IsType<Verdict.Accepted>(DeclarationVerifier.Verify(Issue(health, Now, Now.AddHours(20)), Signers(_signer), Now).Verdict);
    }

    [Fact]
    public void Verify_SignerWithoutDeclarationKeyUsage_RejectedEku() =>
        Assert.Equal(
            new Verdict.Rejected(VerdictCodes.KeyUsage),
            DeclarationVerifier.Verify(new DeclarationIssuer(_key, _signerWithoutUsage).Issue(Movement, "VN", Now, Now.AddHours(10)), Signers(_signerWithoutUsage), Now).Verdict);

    [Fact]
    public void Verify_UnknownSigner_UnverifiableKid() =>
        Assert.Equal(new Verdict.Unverifiable(VerdictCodes.Kid), DeclarationVerifier.Verify(Issue(Movement, Now, Now.AddHours(10)), DscTrustList.Empty, Now).Verdict);

    [Fact]
    public void Verify_DccPrefixOrGarbage_RejectedNeverThrows()
    {
        Assert.Equal(new Verdict.Rejected(VerdictCodes.Prefix), DeclarationVerifier.Verify("HC1:ABC", Signers(_signer), Now).Verdict);
        Assert.IsNotType<Verdict.Accepted>(DeclarationVerifier.Verify("DCL1:" + new string('Z', 200), Signers(_signer), Now).Verdict);
        Assert.Equal(new Verdict.Rejected(VerdictCodes.TooLarge), DeclarationVerifier.Verify("DCL1:" + new string('0', 9000), Signers(_signer), Now).Verdict);
    }

    [Fact]
    public void Verify_EveryTruncation_NeverAccepted()
    {
        var code = Issue(Movement, Now, Now.AddHours(10));
        for (var length = 0; length < code.Length; length += 3)
        {
            Assert.IsNotType<Verdict.Accepted>(DeclarationVerifier.Verify(code[..length], Signers(_signer), Now).Verdict);
        }
    }

    [Fact]
    public void Verify_Null_RejectedPrefix() =>
        Assert.Equal(new Verdict.Rejected(VerdictCodes.Prefix), DeclarationVerifier.Verify(null, Signers(_signer), Now).Verdict);

    [Fact]
    public void Verify_SignerCertificateExpired_RejectedDscTime()
    {
        var request = new CertificateRequest("CN=Old signer", _key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(DeclarationClaims.SignerKeyUsage)], false));
        using var expired = request.CreateSelfSigned(Now.AddYears(-2), Now.AddDays(-1));

        var code = new DeclarationIssuer(_key, expired.RawData).Issue(Movement, "VN", Now.AddHours(-1), Now.AddHours(10));

        Assert.Equal(new Verdict.Rejected(VerdictCodes.DscTime), DeclarationVerifier.Verify(code, Signers(expired.RawData), Now).Verdict);
    }

    public void Dispose() => _key.Dispose();

    private string Issue(DeclarationPass pass, DateTimeOffset issued, DateTimeOffset expires) => new DeclarationIssuer(_key, _signer).Issue(pass, "VN", issued, expires);

    private static DscTrustList Signers(byte[] der) => DscTrustList.FromDer([der]);
}
