using System.Text;
using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Shc;

public sealed class ShcPayloadStageTests
{
    private static readonly DateTimeOffset Now = ShcExamples.Now;

    [Theory]
    [InlineData("""{"nbf":1,"vc":{"type":[],"credentialSubject":{"fhirBundle":{}}}}""", VerdictCodes.ShcPayload)]
    [InlineData("""{"iss":"https://issuer.test/shc","vc":{"type":[],"credentialSubject":{"fhirBundle":{}}}}""", VerdictCodes.ShcPayload)]
    [InlineData("""{"iss":"https://issuer.test/shc","nbf":"1","vc":{"type":[],"credentialSubject":{"fhirBundle":{}}}}""", VerdictCodes.ShcPayload)]
    [InlineData("""{"iss":"https://issuer.test/shc","nbf":1,"exp":null,"vc":{"type":[],"credentialSubject":{"fhirBundle":{}}}}""", VerdictCodes.ShcPayload)]
    [InlineData("""{"iss":"https://issuer.test/shc","nbf":1,"vc":{"type":[1],"credentialSubject":{"fhirBundle":{}}}}""", VerdictCodes.ShcPayload)]
    [InlineData("""{"iss":"https://issuer.test/shc","nbf":1,"vc":{"type":[],"credentialSubject":{}}}""", VerdictCodes.ShcPayload)]
    [InlineData("""{"iss":"https://issuer.test/shc","nbf":1e300,"vc":{"type":[],"credentialSubject":{"fhirBundle":{}}}}""", VerdictCodes.ShcPayload)]
    [InlineData("""{"iss":"https://issuer.test/shc","nbf":1,"vc":{"type":[],"rid":5,"credentialSubject":{"fhirBundle":{}}}}""", VerdictCodes.ShcPayload)]
    [InlineData("""{"iss":"x","iss":"y"}""", VerdictCodes.Json)]
    [InlineData("""{"iss":"\uD800","nbf":1}""", VerdictCodes.Json)]
    [InlineData("""{"\uDC00":1}""", VerdictCodes.Json)]
    [InlineData("""{"iss":""", VerdictCodes.Json)]
    [InlineData("[1]", VerdictCodes.Json)]
    public void Verify_BadPayload_IsRejectedWithCode(string payload, string code)
    {
        using var issuer = new TestShcIssuer();
        var jws = issuer.SignCompressed(TestShcIssuer.Deflate(Encoding.UTF8.GetBytes(payload)));

        var result = ShcVerifier.Verify(ShcExamples.ToQr(jws), issuer.Issuers(), Now);

        Assert.Equal(new Verdict.Rejected(code), result.Verdict);
        Assert.Null(result.Claims);
    }

    [Fact]
    public void Verify_PayloadNotUtf8_IsRejectedJson()
    {
        using var issuer = new TestShcIssuer();
        var jws = issuer.SignCompressed(TestShcIssuer.Deflate([.. "{\"iss\":\""u8, 0xC9, .. "\"}"u8]));

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Json), ShcVerifier.Verify(ShcExamples.ToQr(jws), issuer.Issuers(), Now).Verdict);
    }

    [Fact]
    public void Verify_PayloadDeeperThanBound_IsRejectedJson()
    {
        using var issuer = new TestShcIssuer();
        var deep = new string('[', 200) + new string(']', 200);
        var jws = issuer.SignCompressed(TestShcIssuer.Deflate(Encoding.UTF8.GetBytes(deep)));

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Json), ShcVerifier.Verify(ShcExamples.ToQr(jws), issuer.Issuers(), Now).Verdict);
    }
}
