using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Shc;

public sealed class ShcRevocationListTests
{
    private static readonly DateTimeOffset Now = ShcExamples.Now;

    [Fact]
    public void IsRevoked_ExampleCrl_FollowsTimestamps()
    {
        var crl = ShcRevocationList.TryParse(ShcExamples.CrlJson)!;
        var at = DateTimeOffset.FromUnixTimeSeconds(1687450765);

        Assert.Equal(1, crl.Counter);
        Assert.True(crl.IsRevoked("vwAjHdarZuc", at));
        Assert.True(crl.IsRevoked("vwAjHdarZuc", at.AddMilliseconds(-343)));
        Assert.False(crl.IsRevoked("vwAjHdarZuc", at.AddMilliseconds(1)));
        Assert.True(crl.IsRevoked("FKDIxsTCGlU", Now));
        Assert.False(crl.IsRevoked("MKyCxh7p6uQ", at));
        Assert.False(crl.IsRevoked("vwajhdarzuc", at));
    }

    [Fact]
    public void TryParse_RepeatedRid_KeepsTheWidestRevocation()
    {
        var crl = ShcRevocationList.TryParse("""{"kid":"k","method":"rid","ctr":3,"rids":["a.100","a.200","b.300","b","c.x","","d.","e.1.2",7]}""")!;

        Assert.True(crl.IsRevoked("a", DateTimeOffset.FromUnixTimeSeconds(200)));
        Assert.False(crl.IsRevoked("a", DateTimeOffset.FromUnixTimeSeconds(201)));
        Assert.True(crl.IsRevoked("b", DateTimeOffset.MaxValue));
        Assert.Equal(2, crl.Count);
        Assert.Equal(5, crl.SkippedCount);
    }

    [Theory]
    [InlineData("""{"kid":"k","method":"other","ctr":1,"rids":[]}""")]
    [InlineData("""{"method":"rid","ctr":1,"rids":[]}""")]
    [InlineData("""{"kid":"k","method":"rid","rids":[]}""")]
    [InlineData("""{"kid":"k","method":"rid","ctr":1}""")]
    [InlineData("[]")]
    [InlineData("{")]
    public void TryParse_NotACrl_IsNull(string json)
    {
        Assert.Null(ShcRevocationList.TryParse(json));
    }

    [Theory]
    [InlineData("r1", true)]
    [InlineData("r1.1000000", false)]
    [InlineData("r1.9999999999", true)]
    [InlineData("other", false)]
    public void Verify_OwnCredentialWithRid_RevokedPerCrl(string entry, bool revoked)
    {
        using var issuer = new TestShcIssuer();
        var crl = $$"""{"kid":"{{issuer.Kid}}","method":"rid","ctr":1,"rids":["{{entry}}"]}""";
        var qr = issuer.Issue(TestShcIssuer.Payload(Now.AddDays(-1), rid: "r1"));

        var verdict = ShcVerifier.Verify(qr, issuer.Issuers(crl), Now).Verdict;

        Assert.Equal(revoked ? new Verdict.Rejected(VerdictCodes.Revoked) : new Verdict.Accepted(), verdict);
    }

    [Fact]
    public void Create_TwoCrlsForOneKid_KeepsTheHigherCounter()
    {
        using var issuer = new TestShcIssuer();
        var older = $$"""{"kid":"{{issuer.Kid}}","method":"rid","ctr":2,"rids":["r1"]}""";
        var newer = $$"""{"kid":"{{issuer.Kid}}","method":"rid","ctr":5,"rids":[]}""";

        Assert.Equal(5, issuer.Issuers(newer, older).Find(TestShcIssuer.Url, issuer.Kid)!.Revocations!.Counter);
        Assert.Equal(5, issuer.Issuers(older, newer).Find(TestShcIssuer.Url, issuer.Kid)!.Revocations!.Counter);
    }
}
