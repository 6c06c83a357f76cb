using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Declarations;
using ScanPoint.Credentials.Trust;
using ScanPoint.Kiosk.Verification;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Verification;

/// <summary>The kiosk judges codes against its pinned anchor and bundle; stale, forged or missing trust is never green.</summary>
public sealed partial class CodeVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("trust");
    private readonly FakeTimeProvider _time = new(Now);
    private readonly TrustAnchor _anchor = TrustAnchor.Create();
    private readonly ECDsa _dscKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _dscDer;
    private readonly ECDsa _declarationKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _declarationDer;

    public CodeVerifierTests()
    {
        using var dsc = new CertificateRequest("CN=DSC", _dscKey, HashAlgorithmName.SHA256).CreateSelfSigned(Now.AddYears(-1), Now.AddYears(1));
        _dscDer = dsc.RawData;
        var request = new CertificateRequest("CN=Declarations", _declarationKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(DeclarationClaims.SignerKeyUsage)], false));
        using var declarationSigner = request.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(1));
        _declarationDer = declarationSigner.RawData;
    }

    [Fact]
    public void Verify_ValidCodeWithFreshBundle_Accepted()
    {
        var verifier = Verifier(pinAnchor: true, bundleVersion: 1);

        Assert.Equal(VerdictCodes.Accepted, verifier.Verify(Code(Now.AddYears(1)), CodeFormats.Dcc));
        Assert.Equal(VerdictCodes.Rejected("EXP"), verifier.Verify(Code(Now.AddDays(-1)), CodeFormats.Dcc));
    }

    [Fact]
    public void Verify_BundlePastMaxAge_UnverifiableTrustStale()
    {
        var verifier = Verifier(pinAnchor: true, bundleVersion: 1);
        _time.Advance(TimeSpan.FromDays(8));

        Assert.Equal(VerdictCodes.Unverifiable("TRUST_STALE"), verifier.Verify(Code(Now.AddYears(1)), CodeFormats.Dcc));
    }

    [Fact]
    public void Verify_BundleSignedByAnotherAnchor_UnverifiableNoTrust()
    {
        using var forger = TrustAnchor.Create();
        var verifier = Verifier(pinAnchor: true, bundleVersion: 1, signer: forger);

        Assert.Equal(VerdictCodes.Unverifiable("NO_TRUST"), verifier.Verify(Code(Now.AddYears(1)), CodeFormats.Dcc));
    }

    [Fact]
    public void Verify_OlderBundleAfterNewerWasAccepted_RefusedAcrossRestarts()
    {
        Verifier(pinAnchor: true, bundleVersion: 5);

        var restarted = Verifier(pinAnchor: true, bundleVersion: 4);

        Assert.Equal(VerdictCodes.Unverifiable("NO_TRUST"), restarted.Verify(Code(Now.AddYears(1)), CodeFormats.Dcc));
    }

    [Fact]
    public void Verify_NoAnchorPinned_Unverified()
    {
        var verifier = Verifier(pinAnchor: false, bundleVersion: 1);

        Assert.Equal(VerdictCodes.Unverified, verifier.Verify(Code(Now.AddYears(1)), CodeFormats.Dcc));
    }

    [Fact]
    public void Verify_DeclarationPassFromBundleSigner_Accepted()
    {
        var verifier = Verifier(pinAnchor: true, bundleVersion: 1);
        var pass = new DeclarationPass(DeclarationPass.Movement, "A", "1990", DeclarationIssuer.HashIdNumber("001090000001"), "HN", "HCM", "ok");

        Assert.Equal(VerdictCodes.Accepted, verifier.Verify(new DeclarationIssuer(_declarationKey, _declarationDer).Issue(pass, "VN", Now, Now.AddHours(10)), CodeFormats.DeclarationPass));
        Assert.Equal(VerdictCodes.Unverifiable("KID"), verifier.Verify(new DeclarationIssuer(_dscKey, _dscDer).Issue(pass, "VN", Now, Now.AddHours(10)), CodeFormats.DeclarationPass));
    }

    [Fact]
    public void Verify_FormatWithoutVerifier_Unverified() =>
        Assert.Equal(VerdictCodes.Unverified, Verifier(pinAnchor: true, bundleVersion: 1).Verify("https://example.org/not-a-credential", CodeFormats.Unknown));

    [Theory]
    [InlineData("001090000001|Nguyễn Văn A|01011990|Nam|Hà Nội|01012021", "unverified")]
    [InlineData("001090000001|Nguyễn Văn A|01011990|Nam|Hà Nội|01012021|x", "rejected:")]
    public void Verify_CitizenIdCard_NeverAcceptedMalformedRejected(string text, string expectedPrefix) =>
        Assert.StartsWith(expectedPrefix, Verifier(pinAnchor: true, bundleVersion: 1).Verify(text, CodeFormats.CitizenId), StringComparison.Ordinal);

    [Fact]
    public void Verify_VdsNcWithoutItsCsca_UnverifiableNeverGreen()
    {
        var seal = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Root, "vds-nc", "VDS-NC-Examples.json")));
        var text = seal is System.Text.Json.Nodes.JsonArray a ? a[0]!.ToJsonString() : seal!.AsObject().First().Value!.ToJsonString();

        Assert.StartsWith("unverifiable:", Verifier(pinAnchor: true, bundleVersion: 1).Verify(text, CodeFormats.VdsNc), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ShcFromIssuerNotInBundle_UnverifiableIssuerNeverGreen() =>
        Assert.StartsWith("unverifiable:", Verifier(pinAnchor: true, bundleVersion: 1).Verify(File.ReadAllText(Path.Combine(TestData.Root, "shc", "example-00-f-qr-code-numeric-value-0.txt")).Trim(), CodeFormats.SmartHealthCard), StringComparison.Ordinal);

    public void Dispose()
    {
        _anchor.Dispose();
        _dscKey.Dispose();
        _declarationKey.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Verify_BundleRuleFails_RejectedRule()
    {
        var failing = new JsonObject { ["Identifier"] = "VR-VN-0001", ["Engine"] = "CERTLOGIC", ["CertificateType"] = "Vaccination", ["Logic"] = new JsonObject { ["<"] = new JsonArray(new JsonObject { ["var"] = "payload.v.0.dn" }, 1) } };
        var passing = new JsonObject { ["Identifier"] = "GR-VN-0001", ["Engine"] = "CERTLOGIC", ["CertificateType"] = "General", ["Logic"] = new JsonObject { ["==="] = new JsonArray(1, 1) } };

        Assert.Equal(VerdictCodes.Accepted, Verifier(true, 1, rules: [passing]).Verify(Code(Now.AddYears(1)), CodeFormats.Dcc));
        Assert.Equal(VerdictCodes.Rejected("RULE"), Verifier(true, 2, rules: [passing, failing]).Verify(Code(Now.AddYears(1)), CodeFormats.Dcc));
    }

    [Fact]
    public void Verify_UciOnBundleRevocationList_RejectedRevoked()
    {
        var code = Code(Now.AddYears(1), uvci: "URN:UVCI:01:VN:REVOKED1");
        var uci = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("URN:UVCI:01:VN:REVOKED1"))[..16];
        var revocation = new DccRevocationSection(TimeSpan.FromDays(2), [new DccRevocationItem("UCI", Convert.ToBase64String(uci))]);

        Assert.Equal(VerdictCodes.Rejected("REVOKED"), Verifier(true, 1, revocation: revocation).Verify(code, CodeFormats.Dcc));
        Assert.Equal(VerdictCodes.Accepted, Verifier(true, 2, revocation: revocation).Verify(Code(Now.AddYears(1)), CodeFormats.Dcc));
    }

    [Fact]
    public void Verify_RevocationListPastItsMaxAge_TrustStale()
    {
        var revocation = new DccRevocationSection(TimeSpan.FromDays(1), []);
        var verifier = Verifier(true, 1, revocation: revocation);
        _time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(VerdictCodes.Unverifiable("TRUST_STALE"), verifier.Verify(Code(Now.AddYears(1)), CodeFormats.Dcc));
    }

    private CodeVerifier Verifier(bool pinAnchor, long bundleVersion, TrustAnchor? signer = null, JsonObject[]? rules = null, DccRevocationSection? revocation = null)
    {
        if (pinAnchor)
        {
            File.WriteAllText(_dir.File(KioskTrust.AnchorFileName), _anchor.PublicKeyPem());
        }

        var content = new TrustBundleContent(
            TrustBundleContent.FormatName,
            bundleVersion,
            Now,
            new TrustSection(TimeSpan.FromDays(7), [Convert.ToBase64String(_dscDer)]),
            new TrustSection(TimeSpan.FromDays(7), [Convert.ToBase64String(_declarationDer)]),
            DccRevocation: revocation,
            DccRules: rules is null ? null : new DccRuleSection(TimeSpan.FromDays(7), [.. rules.Select(r => r.ToJsonString())], "{}"));
        File.WriteAllBytes(_dir.File("bundle.cose"), TrustBundleSigner.Sign(content, signer ?? _anchor));
        var options = Options.Create(new KioskOptions { DataDir = _dir.Path, TrustBundle = _dir.File("bundle.cose") });
        return new CodeVerifier(new KioskTrust(options, NullLogger<KioskTrust>.Instance), _time, Clock.ClockGuards.Trusting(_time, _dir.Path));
    }

    private string Code(DateTimeOffset expires, string uvci = "URN:UVCI:01:VN:TEST1") => new DccIssuer(_dscKey, _dscDer).Issue(
        new JsonObject { ["ver"] = "1.3.0", ["nam"] = new JsonObject { ["fnt"] = "A" }, ["dob"] = "1990-01-01", ["v"] = new JsonArray(new JsonObject { ["dn"] = 2, ["sd"] = 2, ["co"] = "VN", ["ci"] = uvci }) },
        "VN",
        Now.AddDays(-30),
        expires);
}
