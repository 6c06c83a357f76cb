using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Shc;

public sealed class ShcIssuerListTests
{
    [Fact]
    public void ForP256_ExampleKey_MatchesItsKid()
    {
        var x = System.Buffers.Text.Base64Url.DecodeFromChars("11XvRWy1I2S0EyJlyf_bWfw_TQ5CJJNLw78bHXNxcgw");
        var y = System.Buffers.Text.Base64Url.DecodeFromChars("eZXwxvO1hvCY0KucrPfKo7yAyMT6Ajc3N7OkAB6VYy8");

        Assert.Equal(ShcExamples.Kid, JwkThumbprint.ForP256(x, y));
    }

    [Fact]
    public void Create_ExampleJwks_KeepsBothKeysAndTheCrl()
    {
        var issuers = ShcExamples.Issuers;

        Assert.Empty(issuers.Problems);
        Assert.Equal([ShcExamples.Issuer], issuers.Issuers);
        var key = issuers.Find(ShcExamples.Issuer, ShcExamples.Kid)!;
        Assert.Equal(1, key.CrlVersion);
        Assert.Equal(4, key.Revocations!.Count);
        Assert.NotNull(issuers.Find(ShcExamples.Issuer, "EBKOr72QQDcTBUuVzAzkfBTGew0ZA16GuWty64nS-sw"));
        Assert.Null(issuers.Find(ShcExamples.Issuer + "/", ShcExamples.Kid));
    }

    [Fact]
    public void Create_KidNotTheThumbprint_RefusesTheKey()
    {
        using var issuer = new TestShcIssuer();
        var jws = issuer.Sign(TestShcIssuer.Payload(ShcExamples.Now.AddDays(-1)), $$"""{"zip":"DEF","alg":"ES256","kid":"{{ShcExamples.Kid}}"}""");
        var issuers = ShcIssuerList.Create([new ShcIssuerSource(TestShcIssuer.Url, issuer.Jwks(ShcExamples.Kid))]);

        Assert.Equal([$"{TestShcIssuer.Url} THUMBPRINT {ShcExamples.Kid}"], issuers.Problems);
        Assert.Equal(new Verdict.Unverifiable(VerdictCodes.Kid), ShcVerifier.Verify(ShcExamples.ToQr(jws), issuers, ShcExamples.Now).Verdict);
    }

    [Theory]
    [InlineData("not json", "JWKS")]
    [InlineData("""{"keys":{}}""", "JWKS")]
    [InlineData("""{"keys":[{"kty":"RSA","kid":"a"}]}""", "KEY")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-384","kid":"a","x":"AA","y":"AA"}]}""", "KEY")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","kid":"a","x":"AAAA","y":"AAAA"}]}""", "KEY")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","kid":"a","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","y":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}]}""", "KEY")]
    public void Create_BrokenJwks_ReportsAProblemAndKeepsNoKey(string jwks, string code)
    {
        var issuers = ShcIssuerList.Create([new ShcIssuerSource(TestShcIssuer.Url, jwks)]);

        Assert.StartsWith($"{TestShcIssuer.Url} {code}", Assert.Single(issuers.Problems), StringComparison.Ordinal);
        Assert.True(issuers.Contains(TestShcIssuer.Url));
    }

    [Fact]
    public void Create_KeyUseOrAlgOtherThanEs256Signing_IsRefused()
    {
        using var issuer = new TestShcIssuer();

        var enc = ShcIssuerList.Create([new ShcIssuerSource(TestShcIssuer.Url, issuer.JwksJson.Replace("\"sig\"", "\"enc\"", StringComparison.Ordinal))]);
        var es384 = ShcIssuerList.Create([new ShcIssuerSource(TestShcIssuer.Url, issuer.JwksJson.Replace("ES256", "ES384", StringComparison.Ordinal))]);

        Assert.Null(enc.Find(TestShcIssuer.Url, issuer.Kid));
        Assert.Null(es384.Find(TestShcIssuer.Url, issuer.Kid));
    }

    [Fact]
    public void Create_SameKeyTwiceAndCrlForUnknownKid_AreReported()
    {
        using var issuer = new TestShcIssuer();
        var crl = """{"kid":"unknown","method":"rid","ctr":1,"rids":[]}""";

        var issuers = ShcIssuerList.Create(
        [
            new ShcIssuerSource(TestShcIssuer.Url, issuer.JwksJson),
            new ShcIssuerSource(TestShcIssuer.Url, issuer.JwksJson, [crl, "{}"]),
        ]);

        Assert.Equal(
            [$"{TestShcIssuer.Url} DUPLICATE {issuer.Kid}", $"{TestShcIssuer.Url} CRL_KID unknown", $"{TestShcIssuer.Url} CRL"],
            issuers.Problems);
        Assert.NotNull(issuers.Find(TestShcIssuer.Url, issuer.Kid));
    }
}
