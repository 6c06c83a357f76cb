using ScanPoint.Credentials.Trust;

namespace ScanPoint.TestKit;

/// <summary>Trust bundles signed at test time by a test anchor (as the national authority would sign them).</summary>
public static class TestTrustBundles
{
    /// <summary>A bundle of <paramref name="version"/> carrying the given document signers (DER), signed by <paramref name="anchor"/>.</summary>
    public static byte[] Sign(TrustAnchor anchor, long version, DateTimeOffset issuedAt, params byte[][] documentSigners) =>
        TrustBundleSigner.Sign(
            new TrustBundleContent(
                TrustBundleContent.FormatName,
                version,
                issuedAt,
                new TrustSection(TimeSpan.FromDays(7), [.. documentSigners.Select(Convert.ToBase64String)])),
            anchor);
}
