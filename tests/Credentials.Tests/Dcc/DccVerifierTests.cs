using Microsoft.Extensions.Time.Testing;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;
using ScanPoint.TestKit;

namespace ScanPoint.Credentials.Tests.Dcc;

public sealed class DccVerifierTests
{
    private const string Test = "1.3.6.1.4.1.1847.2021.1.1";
    private const string Vaccination = "1.3.6.1.4.1.1847.2021.1.2";
    private const string RecoveryOtherArc = "1.3.6.1.4.1.0.1847.2021.1.3";

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Iat = Now.AddDays(-1);
    private static readonly DateTimeOffset Exp = Now.AddDays(30);

    private static TestDccIssuer NewIssuer(params string[] ekus) => new(Now.AddYears(-1), Now.AddYears(1), ekus);

    [Fact]
    public void Verify_ValidCodeWithCwtTag_IsAcceptedWithClaims()
    {
        using var issuer = NewIssuer();
        var trust = DscTrustList.FromDer([issuer.Der]);

        var result = new DccVerifier(new FakeTimeProvider(Now)).Verify(issuer.Issue(TestDccIssuer.Claims(Iat, Exp), cwtTag: true), trust);

        Assert.IsType<Verdict.Accepted>(result.Verdict);
        Assert.Empty(result.Verdict.Warnings);
        Assert.Equal("VN", result.Claims!.Issuer);
        Assert.Equal(Iat.ToUnixTimeSeconds(), result.Claims.IssuedAt!.Value.ToUnixTimeSeconds());
        Assert.Equal(2, result.Claims.Payload["v"]![0]!["dn"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(31, VerdictCodes.Expired)]
    [InlineData(-2, VerdictCodes.IssuedAt)]
    [InlineData(400, VerdictCodes.Expired)]
    public void Verify_ClockOutsideWindow_IsRejectedWithCode(int daysFromNow, string code)
    {
        using var issuer = NewIssuer();
        var qr = issuer.Issue(TestDccIssuer.Claims(Iat, Exp));

        var result = DccVerifier.Verify(qr, DscTrustList.FromDer([issuer.Der]), Now.AddDays(daysFromNow));

        Assert.Equal(new Verdict.Rejected(code), result.Verdict);
    }

    [Fact]
    public void Verify_DscEndsBeforeCertificateExpires_IsRejectedDscTime()
    {
        using var issuer = new TestDccIssuer(Now.AddYears(-1), Now.AddDays(10));

        var result = DccVerifier.Verify(issuer.Issue(TestDccIssuer.Claims(Iat, Exp)), DscTrustList.FromDer([issuer.Der]), Now);

        Assert.Equal(new Verdict.Rejected(VerdictCodes.DscTime), result.Verdict);
    }

    [Theory]
    [InlineData("v", true, Vaccination)]
    [InlineData("t", false, Vaccination)]
    [InlineData("t", true, Test, Vaccination)]
    [InlineData("r", true, RecoveryOtherArc)]
    [InlineData("v", false, RecoveryOtherArc)]
    [InlineData("r", true, "1.3.6.1.5.5.7.3.2")] // only unrelated OIDs: may sign all
    public void Verify_KeyUsage_RestrictsEntryTypes(string entryType, bool accepted, params string[] ekus)
    {
        using var issuer = NewIssuer(ekus);

        var result = DccVerifier.Verify(issuer.Issue(TestDccIssuer.Claims(Iat, Exp, entryType)), DscTrustList.FromDer([issuer.Der]), Now);

        Assert.Equal(accepted ? null : VerdictCodes.KeyUsage, result.Verdict.Code);
    }

    [Fact]
    public void Verify_UnknownKid_IsUnverifiableKidWithClaims()
    {
        using var issuer = NewIssuer();
        using var other = NewIssuer();

        var result = DccVerifier.Verify(issuer.Issue(TestDccIssuer.Claims(Iat, Exp)), DscTrustList.FromDer([other.Der]), Now);

        Assert.Equal(new Verdict.Unverifiable(VerdictCodes.Kid), result.Verdict);
        Assert.Equal("VN", result.Claims!.Issuer);
    }

    [Fact]
    public void Verify_KidOfAnotherDsc_IsRejectedSig()
    {
        using var issuer = NewIssuer();
        using var other = NewIssuer();
        var qr = issuer.Issue(TestDccIssuer.Claims(Iat, Exp), kid: other.Kid);

        var result = DccVerifier.Verify(qr, DscTrustList.FromDer([issuer.Der, other.Der]), Now);

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Signature), result.Verdict);
    }

    [Fact]
    public void Verify_TruncatedKidSharedByOtherDscs_TriesEachAndAccepts()
    {
        using var issuer = NewIssuer();
        var others = new List<TestDccIssuer>();
        while (others.Count(o => o.Kid[0] == issuer.Kid[0]) < 2)
        {
            others.Add(NewIssuer());
        }

        var trust = DscTrustList.FromDer([.. others.Where(o => o.Kid[0] == issuer.Kid[0]).Select(o => o.Der), issuer.Der]);
        var qr = issuer.Issue(TestDccIssuer.Claims(Iat, Exp), kid: issuer.Kid[..1]);

        var result = DccVerifier.Verify(qr, trust, Now);

        Assert.Equal(3, trust.Find(issuer.Kid.AsSpan(0, 1)).Count);
        Assert.IsType<Verdict.Accepted>(result.Verdict);
        others.ForEach(o => o.Dispose());
    }

    [Fact]
    public void Verify_VietNamSample_DecodesButSignerIsUnknown()
    {
        var qr = File.ReadAllText(Path.Combine(TestData.Root, "dcc-vn", "VAC_VN.hc1.txt")).Trim();

        var result = DccVerifier.Verify(qr, DscTrustList.Empty, Now);

        Assert.Equal(new Verdict.Unverifiable(VerdictCodes.Kid), result.Verdict);
        Assert.Equal("VN", result.Claims!.Issuer);
        Assert.Equal(['v'], result.Claims.EntryTypes);
        Assert.Equal("1.3.0", result.Claims.Payload["ver"]!.GetValue<string>());
    }
}
