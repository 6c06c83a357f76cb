using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using ScanPoint.Benchmarks.Verification;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Trust;
using ScanPoint.TestKit;

namespace ScanPoint.Benchmarks.Door;

/// <summary>A test anchor, a bundle with one document signer, and N distinct valid vaccination certificates it signed.</summary>
internal sealed class DoorCodes : IDisposable
{
    private readonly ECDsa _dscKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public DoorCodes(int count, DateTimeOffset now)
    {
        using var dsc = new CertificateRequest("CN=Benchmark DSC, C=VN", _dscKey, HashAlgorithmName.SHA256).CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        Bundle = TestTrustBundles.Sign(Anchor, 1, now, dsc.RawData);
        var issuer = new DccIssuer(_dscKey, dsc.RawData);
        Codes = [.. Enumerable.Range(1, count).Select(i => issuer.Issue(Vaccination(i), "VN", now.AddDays(-1), now.AddYears(1)))];
    }

    public TrustAnchor Anchor { get; } = TrustAnchor.Create();

    public byte[] Bundle { get; }

    public IReadOnlyList<string> Codes { get; }

    public void Dispose()
    {
        _dscKey.Dispose();
        Anchor.Dispose();
    }

    private static JsonObject Vaccination(int i) => VerificationInputs.Vaccination(
        new JsonObject { ["fnt"] = "NGUYEN", ["gnt"] = $"VAN<KHACH<{i:D5}" }, "Bo Y te", $"URN:UVCI:01:VN:BENCH{i:D8}");
}
