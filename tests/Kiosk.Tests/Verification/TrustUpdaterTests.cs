using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Trust;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Kiosk.Verification;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Verification;

/// <summary>The kiosk takes a newer bundle the fleet announces only when its hash, the anchor's signature and its version hold.</summary>
public sealed class TrustUpdaterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("trust-updater");
    private readonly FakeTimeProvider _time = new(Now);
    private readonly TrustAnchor _anchor = TrustAnchor.Create();
    private readonly ECDsa _dscKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _dscDer;
    private readonly BundleServer _server = new();
    private readonly IOptions<KioskOptions> _options;

    public TrustUpdaterTests()
    {
        using var dsc = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=DSC", _dscKey, HashAlgorithmName.SHA256).CreateSelfSigned(Now.AddYears(-1), Now.AddYears(1));
        _dscDer = dsc.RawData;
        File.WriteAllText(_dir.File(KioskTrust.AnchorFileName), _anchor.PublicKeyPem());
        File.WriteAllBytes(_dir.File("configured.cose"), TestTrustBundles.Sign(_anchor, 1, Now)); // v1 knows no document signer
        _options = Options.Create(new KioskOptions { DataDir = _dir.Path, TrustBundle = _dir.File("configured.cose"), TrustRetryInterval = TimeSpan.FromMinutes(1) });
    }

    [Fact]
    public async Task UpdateAsync_NewerSignedBundle_SwappedInUsedByTheVerifierAndPreferredAfterARestart()
    {
        var trust = Trust();
        var verifier = new CodeVerifier(trust, _time, Clock.ClockGuards.Trusting(_time, _dir.Path));
        Assert.Equal(VerdictCodes.Unverifiable("KID"), verifier.Verify(Code(), CodeFormats.Dcc));

        var result = await Updater(trust).UpdateAsync(Announce(2, TestTrustBundles.Sign(_anchor, 2, Now, _dscDer)), CancellationToken.None);

        Assert.True(result.IsUpdated, result.Reason);
        Assert.Equal(2, trust.Bundle!.Version);
        Assert.Equal(VerdictCodes.Accepted, verifier.Verify(Code(), CodeFormats.Dcc));
        Assert.Equal(2, Trust().Bundle!.Version); // restarted: the downloaded bundle wins over the older Kiosk:TrustBundle
        Assert.Equal("2", File.ReadAllText(_dir.File(KioskTrust.VersionFileName)));
    }

    [Fact]
    public async Task UpdateAsync_HashNotTheAnnouncedOne_RefusedHash()
    {
        var trust = Trust();
        var announced = Announce(2, TestTrustBundles.Sign(_anchor, 2, Now)) with { Sha256 = new string('0', 64) };

        var result = await Updater(trust).UpdateAsync(announced, CancellationToken.None);

        Assert.Equal(TrustUpdateResult.HashMismatch, result.Code);
        Assert.Equal(1, trust.Bundle!.Version);
    }

    [Fact]
    public async Task UpdateAsync_BundleSignedByAnotherKey_RefusedSignature()
    {
        using var forger = TrustAnchor.Create();
        var trust = Trust();

        var result = await Updater(trust).UpdateAsync(Announce(3, TestTrustBundles.Sign(forger, 3, Now, _dscDer)), CancellationToken.None);

        Assert.Equal("TRUST_SIG", result.Code);
        Assert.Equal(1, trust.Bundle!.Version);
        Assert.False(File.Exists(_dir.File(KioskTrust.BundleFileName)));
    }

    [Fact]
    public async Task UpdateAsync_OlderVersion_RefusedWithoutOrAfterDownloading()
    {
        var trust = Trust();
        var updater = Updater(trust);
        Assert.True((await updater.UpdateAsync(Announce(5, TestTrustBundles.Sign(_anchor, 5, Now)), CancellationToken.None)).IsUpdated);
        var before = _server.Requests;

        var older = await updater.UpdateAsync(Announce(4, TestTrustBundles.Sign(_anchor, 4, Now)), CancellationToken.None);
        var lying = await updater.UpdateAsync(Announce(6, TestTrustBundles.Sign(_anchor, 4, Now)), CancellationToken.None);

        Assert.Equal(TrustUpdateResult.NotNewer, older.Code);
        Assert.Equal("TRUST_ROLLBACK", lying.Code); // announced as 6, signed as 4
        Assert.Equal(before + 1, _server.Requests);
        Assert.Equal(5, trust.Bundle!.Version);
    }

    [Fact]
    public async Task UpdateAsync_NoAnchorPinned_NothingDownloaded()
    {
        File.Delete(_dir.File(KioskTrust.AnchorFileName));
        var trust = Trust();

        var result = await Updater(trust).UpdateAsync(Announce(2, TestTrustBundles.Sign(_anchor, 2, Now)), CancellationToken.None);

        Assert.Equal("NO_TRUST", result.Code);
        Assert.Equal(0, _server.Requests);
        Assert.Null(trust.Bundle);
    }

    [Fact]
    public async Task Announce_WhileRunning_NewerBundleTakenOnItsOwnLoop()
    {
        var trust = Trust();
        using var updater = Updater(trust);
        await updater.StartAsync(CancellationToken.None);

        updater.Announce(Announce(2, TestTrustBundles.Sign(_anchor, 2, Now)));

        await Eventually.TrueAsync(() => trust.Bundle?.Version == 2, TimeSpan.FromSeconds(10), "bundle v2 taken");
        await updater.StopAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        _server.Dispose();
        _anchor.Dispose();
        _dscKey.Dispose();
        _dir.Dispose();
    }

    private KioskTrust Trust() => new(_options, NullLogger<KioskTrust>.Instance);

    private TrustUpdater Updater(KioskTrust trust) => new(trust, _options, _time, NullLogger<TrustUpdater>.Instance);

    private TrustAnnounced Announce(long version, byte[] bundle) => new(
        TrustAnnounced.SchemaVersion, version, Convert.ToHexStringLower(SHA256.HashData(bundle)), _server.Put($"v{version}-{Guid.NewGuid():N}.cose", bundle).AbsoluteUri, bundle.Length);

    private string Code() => new DccIssuer(_dscKey, _dscDer).Issue(
        new JsonObject { ["ver"] = "1.3.0", ["nam"] = new JsonObject { ["fnt"] = "A" }, ["dob"] = "1990-01-01", ["v"] = new JsonArray(new JsonObject { ["dn"] = 2, ["sd"] = 2, ["co"] = "VN", ["ci"] = "URN:UVCI:01:VN:T1" }) },
        "VN",
        Now.AddDays(-30),
        Now.AddYears(1));
}
