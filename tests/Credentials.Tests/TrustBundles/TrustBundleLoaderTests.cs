using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.TrustBundles;

public sealed class TrustBundleLoaderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TrustAnchor _anchor = TrustAnchor.Create();
    private readonly ECDsa _dscKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _dscDer;

    public TrustBundleLoaderTests()
    {
        using var dsc = new CertificateRequest("CN=Demo DSC, C=VN", _dscKey, HashAlgorithmName.SHA256).CreateSelfSigned(Now.AddYears(-1), Now.AddYears(1));
        _dscDer = dsc.RawData;
    }

    [Fact]
    public void Load_SignedBundle_ItsDscVerifiesAnIssuedCode()
    {
        var result = TrustBundleLoader.Load(Sign(version: 3), PublicAnchor(), lastAcceptedVersion: 2);

        Assert.NotNull(result.Bundle);
        Assert.Equal(3, result.Bundle.Version);
        var code = new DccIssuer(_dscKey, _dscDer).Issue(Hcert(), "VN", Now.AddDays(-1), Now.AddYears(1));
        Assert.IsType<Verdict.Accepted>(DccVerifier.Verify(code, result.Bundle.Dsc, Now).Verdict);
    }

    [Fact]
    public void Load_SignedByAnotherKey_RefusedTrustSig()
    {
        using var forger = TrustAnchor.Create();
        var forged = TrustBundleSigner.Sign(Content(1), forger);

        Assert.Equal(VerdictCodes.TrustSignature, TrustBundleLoader.Load(forged, PublicAnchor(), 0).Code);
    }

    [Fact]
    public void Load_OlderThanAccepted_RefusedRollback() =>
        Assert.Equal(VerdictCodes.TrustRollback, TrustBundleLoader.Load(Sign(version: 4), PublicAnchor(), lastAcceptedVersion: 5).Code);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    public void Load_Garbage_RefusedFormatNeverThrows(int length) =>
        Assert.Equal(VerdictCodes.TrustFormat, TrustBundleLoader.Load(RandomNumberGenerator.GetBytes(length), PublicAnchor(), 0).Code);

    [Fact]
    public void Load_TamperedPayload_RefusedTrustSig()
    {
        var bundle = Sign(version: 1);
        bundle[^80] ^= 0x01;

        Assert.NotNull(TrustBundleLoader.Load(bundle, PublicAnchor(), 0).Code);
    }

    [Fact]
    public void IsDscStale_PastMaxAge_True()
    {
        var bundle = TrustBundleLoader.Load(Sign(version: 1), PublicAnchor(), 0).Bundle!;

        Assert.False(bundle.IsDscStale(Now.AddDays(6)));
        Assert.True(bundle.IsDscStale(Now.AddDays(8)));
    }

    [Fact]
    public void Load_EverySection_ReachesTheEngines()
    {
        var schema = File.ReadAllText(Directory.GetFiles(Path.Combine(ScanPoint.TestKit.TestData.Root, "dcc-schema", "1.3.0"), "*.json")[0]);
        var content = Content(1) with
        {
            DccSchemas = new DccSchemaSection(TimeSpan.FromDays(30), new Dictionary<string, string> { ["1.3.0"] = schema }),
            DccRevocation = new DccRevocationSection(TimeSpan.FromDays(2), [new DccRevocationItem("COUNTRYCODEUCI", Convert.ToBase64String(new byte[16]))]),
            DccRules = new DccRuleSection(TimeSpan.FromDays(7), ["{\"Identifier\":\"GR-VN-0001\",\"Logic\":true}"], "{\"vaccines-covid-19-names\":[\"EU/1/20/1528\"]}"),
            ProvincePolicies = new ProvincePolicySection(TimeSpan.FromDays(7), new Dictionary<string, string> { ["HN"] = "{\"venue\":\"any\"}" }),
        };

        var bundle = TrustBundleLoader.Load(TrustBundleSigner.Sign(content, _anchor), PublicAnchor(), 0).Bundle!;

        Assert.Equal(["1.3.0"], bundle.DccChecks.Schemas!.Versions);
        Assert.Equal(1, bundle.DccChecks.Revocations.Count);
        Assert.Single(bundle.DccChecks.Rules);
        Assert.Equal("any", bundle.ProvincePolicies["HN"]["venue"]!.GetValue<string>());
        Assert.True(bundle.IsDccStale(Now.AddDays(3)));
    }

    [Fact]
    public void Load_UnknownRevocationHashType_RefusedFormat()
    {
        var content = Content(1) with { DccRevocation = new DccRevocationSection(TimeSpan.FromDays(2), [new DccRevocationItem("MD5", Convert.ToBase64String(new byte[16]))]) };

        Assert.Equal(VerdictCodes.TrustFormat, TrustBundleLoader.Load(TrustBundleSigner.Sign(content, _anchor), PublicAnchor(), 0).Code);
    }

    public void Dispose()
    {
        _anchor.Dispose();
        _dscKey.Dispose();
    }

    private TrustAnchor PublicAnchor() => TrustAnchor.FromPem(_anchor.PublicKeyPem());

    private byte[] Sign(long version) => TrustBundleSigner.Sign(Content(version), _anchor);

    private TrustBundleContent Content(long version) =>
        new(TrustBundleContent.FormatName, version, Now, new TrustSection(TimeSpan.FromDays(7), [Convert.ToBase64String(_dscDer)]));

    private static JsonObject Hcert() => new()
    {
        ["ver"] = "1.3.0",
        ["nam"] = new JsonObject { ["fnt"] = "NGUYEN", ["gnt"] = "VAN<A" },
        ["dob"] = "1990-01-01",
        ["v"] = new JsonArray(new JsonObject { ["tg"] = "840539006", ["dn"] = 2, ["sd"] = 2, ["dt"] = "2026-01-10", ["co"] = "VN", ["is"] = "Ministry of Health", ["ci"] = "URN:UVCI:01:VN:DEMO1" }),
    };
}
