using System.Security.Cryptography;
using ScanPoint.Credentials.Trust;

namespace ScanPoint.FleetServer.Trust;

/// <summary>A trust bundle file that verified against the anchor: its bytes, version and SHA-256 (lowercase hex).</summary>
internal sealed record TrustBundleFile(byte[] Bytes, long Version, string Sha256)
{
    /// <summary>Verifies <paramref name="bytes"/> with the anchor; null and the loader's code and reason when refused.</summary>
    public static TrustBundleFile? Verify(byte[] bytes, TrustAnchor anchor, out string problem)
    {
        var result = TrustBundleLoader.Load(bytes, anchor, lastAcceptedVersion: 0);
        if (result.Bundle is not { } bundle)
        {
            problem = $"{result.Code}: {result.Reason}";
            return null;
        }

        problem = "";
        return new TrustBundleFile(bytes, bundle.Version, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
