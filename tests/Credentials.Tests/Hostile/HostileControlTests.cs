using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Declarations;
using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Tests.Dcc;
using ScanPoint.Credentials.Tests.Shc;
using ScanPoint.Credentials.Tests.VdsNc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.VdsNc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>
/// Controls for the hostile corpus: the untampered inputs its crafting helpers build are accepted, so each corpus
/// rejection comes from the crafted flaw and not from a broken helper.
/// </summary>
public sealed class HostileControlTests
{
    private static readonly DateTimeOffset Now = HostileKeys.Now;

    [Fact]
    public void Verify_HandBuiltCoseByTrustedDsc_Accepted()
    {
        var qr = CoseForge.ToQr(DccEnvelopeCases.Signed(DccEnvelopeCases.Claims()));

        Assert.IsType<Verdict.Accepted>(DccVerifier.Verify(qr, HostileKeys.Dsc.Trust, Now).Verdict);
    }

    [Fact]
    public void Verify_HandBuiltCoseWithNbfInThePast_Accepted()
    {
        var qr = CoseForge.ToQr(DccEnvelopeCases.Signed(CoseForge.ClaimsWithNbf(Now.AddDays(-2), Now.AddDays(-1), Now.AddDays(30))));

        Assert.IsType<Verdict.Accepted>(DccVerifier.Verify(qr, HostileKeys.Dsc.Trust, Now).Verdict);
    }

    [Fact]
    public void Verify_CollidingKidWithOneVerifyingDsc_Accepted()
    {
        var signer = HostileKeys.Colliding[2];
        var cose = CoseForge.Sign1(CoseForge.Es256Header(signer.Kid[..1]), CoseForge.Map(), TestDccIssuer.Claims(Now.AddDays(-1), Now.AddDays(1)), signer.Key);
        var trust = DscTrustList.FromDer(HostileKeys.Colliding.Select(s => s.Der));

        Assert.IsType<Verdict.Accepted>(DccVerifier.Verify(CoseForge.ToQr(cose), trust, Now).Verdict);
    }

    [Fact]
    public void Verify_ValidDeclarationPass_Accepted() =>
        Assert.IsType<Verdict.Accepted>(DeclarationVerifier.Verify(DeclarationCases.ValidPass(), HostileKeys.Declaration.Trust, Now).Verdict);

    [Fact]
    public void Verify_ValidShcFromCorpusIssuer_Accepted()
    {
        var qr = HostileKeys.Shc.Issue(TestShcIssuer.Payload(Now.AddDays(-1), rid: "r2"));
        var issuers = HostileKeys.Shc.Issuers($$"""{"kid":"{{HostileKeys.Shc.Kid}}","method":"rid","ctr":1,"rids":["r1"]}""");

        Assert.IsType<Verdict.Accepted>(ShcVerifier.Verify(qr, issuers, Now).Verdict);
    }

    [Fact]
    public void Verify_ValidSealFromCorpusIssuer_Accepted() =>
        Assert.IsType<Verdict.Accepted>(VdsNcVerifier.Verify(HostileKeys.Vds.Seal(TestVdsNcIssuer.Data()), HostileKeys.Vds.Trust, Now).Verdict);

    [Fact]
    public void Load_NewerBundleByTheAnchor_Loaded()
    {
        var content = new TrustBundleContent(TrustBundleContent.FormatName, 6, Now, new TrustSection(TimeSpan.FromDays(7), [Convert.ToBase64String(HostileKeys.Dsc.Der)]));

        Assert.NotNull(TrustBundleLoader.Load(TrustBundleSigner.Sign(content, HostileKeys.Anchor), HostileKeys.PublicAnchor, 5).Bundle);
    }
}
