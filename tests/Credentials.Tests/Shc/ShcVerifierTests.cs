using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Shc;

public sealed class ShcVerifierTests
{
    private static readonly DateTimeOffset Now = ShcExamples.Now;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Verify_SpecExample_IsAcceptedWithPayload(int example)
    {
        var result = ShcVerifier.Verify(ShcExamples.QrTexts(example), ShcExamples.Issuers, Now);

        Assert.IsType<Verdict.Accepted>(result.Verdict);
        Assert.Empty(result.Verdict.Warnings);
        var claims = result.Claims!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ShcExamples.MinifiedPayload(example)), claims.Payload));
        Assert.Equal(ShcExamples.Issuer, claims.Issuer);
        Assert.Contains("https://smarthealth.cards#health-card", claims.Types);
        Assert.Equal("Bundle", claims.FhirBundle["resourceType"]!.GetValue<string>());
        Assert.Equal(1687450764L, claims.NotBefore.ToUnixTimeSeconds());
        Assert.Null(claims.Expires);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Verify_SingleQrText_MatchesCompactJwsFile(int example)
    {
        Assert.Equal(ShcExamples.ToQr(ShcExamples.Jws(example)), Assert.Single(ShcExamples.QrTexts(example)));
    }

    [Fact]
    public void Verify_WithInjectedClock_UsesItsTime()
    {
        var verifier = new ShcVerifier(new FakeTimeProvider(Now));

        Assert.IsType<Verdict.Accepted>(verifier.Verify(ShcExamples.QrTexts(0)[0], ShcExamples.Issuers).Verdict);
        Assert.IsType<Verdict.Accepted>(verifier.Verify(ShcExamples.QrTexts(2), ShcExamples.Issuers).Verdict);
    }

    [Fact]
    public void Verify_RevokedExample_IsRejectedRevokedWithClaims()
    {
        var result = ShcVerifier.Verify(ShcExamples.QrTexts(3)[0], ShcExamples.Issuers, ShcExamples.Example03Now);

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Revoked), result.Verdict);
        Assert.Equal("vwAjHdarZuc", result.Claims!.Rid);
        Assert.Equal(new Verdict.Rejected(VerdictCodes.Expired), ShcVerifier.Verify(ShcExamples.QrTexts(3)[0], ShcExamples.Issuers, Now).Verdict);
    }

    [Fact]
    public void Verify_RevokedExampleWithoutCrl_IsAcceptedWithCrlStale()
    {
        var issuers = ShcIssuerList.Create([new ShcIssuerSource(ShcExamples.Issuer, ShcExamples.JwksJson)]);

        var verdict = ShcVerifier.Verify(ShcExamples.QrTexts(3)[0], issuers, ShcExamples.Example03Now).Verdict;

        Assert.IsType<Verdict.Accepted>(verdict);
        Assert.Equal([VerdictCodes.CrlStale], verdict.Warnings);
    }

    [Fact]
    public void Verify_UnknownIssuer_IsUnverifiableIssuerWithClaims()
    {
        using var other = new TestShcIssuer();

        var result = ShcVerifier.Verify(ShcExamples.QrTexts(0)[0], other.Issuers(), Now);

        Assert.Equal(new Verdict.Unverifiable(VerdictCodes.Issuer), result.Verdict);
        Assert.Equal(ShcExamples.Issuer, result.Claims!.Issuer);
        Assert.Equal(new Verdict.Unverifiable(VerdictCodes.Issuer), ShcVerifier.Verify(ShcExamples.QrTexts(0)[0], ShcIssuerList.Empty, Now).Verdict);
    }

    [Fact]
    public void Verify_KnownIssuerWithoutTheKid_IsUnverifiableKid()
    {
        using var other = new TestShcIssuer();
        var issuers = ShcIssuerList.Create([new ShcIssuerSource(ShcExamples.Issuer, other.JwksJson)]);

        Assert.Equal(new Verdict.Unverifiable(VerdictCodes.Kid), ShcVerifier.Verify(ShcExamples.QrTexts(0)[0], issuers, Now).Verdict);
    }

    [Fact]
    public void Verify_ExamplePayloadChangedUnderItsSignature_IsRejectedSig()
    {
        var parts = ShcExamples.Jws(0).Split('.');
        var forged = ShcExamples.MinifiedPayload(0).Replace("Anyperson", "Someoneel", StringComparison.Ordinal);
        var payload = TestShcIssuer.Base64Url(TestShcIssuer.Deflate(Encoding.UTF8.GetBytes(forged)));

        var result = ShcVerifier.Verify(ShcExamples.ToQr($"{parts[0]}.{payload}.{parts[2]}"), ShcExamples.Issuers, Now);

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Signature), result.Verdict);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(42)]
    public void Verify_ExampleSignatureCharacterChanged_IsRejectedSig(int position)
    {
        var jws = ShcExamples.Jws(0);
        var signatureStart = jws.LastIndexOf('.') + 1;
        var chars = jws.ToCharArray();
        chars[signatureStart + position] = chars[signatureStart + position] == 'A' ? 'B' : 'A';

        var result = ShcVerifier.Verify(ShcExamples.ToQr(new string(chars)), ShcExamples.Issuers, Now);

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Signature), result.Verdict);
    }

    [Fact]
    public void Verify_ClockBeforeNbf_IsRejectedNbf()
    {
        var result = ShcVerifier.Verify(ShcExamples.QrTexts(0)[0], ShcExamples.Issuers, ShcExamples.NotBefore.AddSeconds(-1));

        Assert.Equal(new Verdict.Rejected(VerdictCodes.NotBefore), result.Verdict);
        Assert.IsType<Verdict.Accepted>(ShcVerifier.Verify(ShcExamples.QrTexts(0)[0], ShcExamples.Issuers, ShcExamples.NotBefore).Verdict);
    }

    [Theory]
    [InlineData(-1, typeof(Verdict.Accepted))]
    [InlineData(0, typeof(Verdict.Rejected))]
    [InlineData(1, typeof(Verdict.Rejected))]
    public void Verify_ClockAroundExp_IsAcceptedOnlyBefore(int secondsAfterExp, Type expected)
    {
        using var issuer = new TestShcIssuer();
        var exp = DateTimeOffset.FromUnixTimeSeconds(Now.ToUnixTimeSeconds());
        var qr = issuer.Issue(TestShcIssuer.Payload(Now.AddDays(-1), exp));

        var verdict = ShcVerifier.Verify(qr, issuer.Issuers(), exp.AddSeconds(secondsAfterExp)).Verdict;

        Assert.IsType(expected, verdict);
        Assert.True(verdict is Verdict.Accepted || verdict.Code == VerdictCodes.Expired);
    }

    [Fact]
    public void Verify_OwnIssuerCredential_IsAcceptedWithTypes()
    {
        using var issuer = new TestShcIssuer();

        var result = ShcVerifier.Verify(issuer.Issue(TestShcIssuer.Payload(Now.AddDays(-1), Now.AddDays(1))), issuer.Issuers(), Now);

        Assert.IsType<Verdict.Accepted>(result.Verdict);
        Assert.Equal(["https://smarthealth.cards#health-card", "https://smarthealth.cards#immunization"], result.Claims!.Types);
        Assert.Equal(Now.AddDays(1).ToUnixTimeSeconds(), result.Claims.Expires!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public void Verify_OwnPayloadSwappedUnderAnotherSignature_IsRejectedSig()
    {
        using var issuer = new TestShcIssuer();
        var signed = issuer.Sign(TestShcIssuer.Payload(Now.AddDays(-1))).Split('.');
        var other = issuer.Sign(TestShcIssuer.Payload(Now.AddDays(-2))).Split('.');

        var verdict = ShcVerifier.Verify(ShcExamples.ToQr($"{signed[0]}.{other[1]}.{signed[2]}"), issuer.Issuers(), Now).Verdict;

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Signature), verdict);
    }
}
