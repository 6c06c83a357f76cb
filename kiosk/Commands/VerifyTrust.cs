using System.Security.Cryptography;
using ScanPoint.Credentials.Dcc.Schema;
using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.VdsNc;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Commands;

/// <summary>
/// What <c>kiosk verify</c> trusts: the DSCs given one by one (<c>--trust-dsc</c>, a file with one base64 DER
/// certificate, PEM armour allowed) plus a trust bundle verified against the anchor (<c>--trust-anchor</c>, or the
/// one pinned in <c>--data-dir</c>), and the official DCC schemas of <c>--schemas DIR</c> (<c>&lt;ver&gt;/*.json</c>).
/// </summary>
internal sealed record VerifyTrust(DscTrustList Dsc, DscTrustList DeclarationSigners, ShcIssuerList ShcIssuers, DccSchemaSet? Schemas)
{
    /// <summary>The bundle's revocation list, rules and value sets (empty without a bundle).</summary>
    public DccTrust DccChecks => Bundle?.DccChecks ?? DccTrust.Empty;

    /// <summary>VDS-NC CSCAs from the bundle.</summary>
    public VdsNcTrust VdsCscas => Bundle?.VdsCscas ?? VdsNcTrust.Empty;

    /// <summary>The bundle, when one was given and loaded (for its staleness).</summary>
    public TrustBundle? Bundle { get; init; }

    /// <summary>Loads the trust; null and a reason when a file is missing or refused (a usage error).</summary>
    public static VerifyTrust? Load(VerifyOptions options, out string? error)
    {
        error = null;
        try
        {
            var extra = options.TrustDsc.Select(ReadDer).ToList();
            TrustBundle? bundle = null;
            if (options.TrustBundle is { } bundlePath)
            {
                var anchorPath = options.TrustAnchor ?? Path.Combine(options.DataDir!, KioskTrust.AnchorFileName);
                using var anchor = TrustAnchor.FromPem(File.ReadAllText(anchorPath));
                var loaded = TrustBundleLoader.Load(File.ReadAllBytes(bundlePath), anchor, lastAcceptedVersion: 0);
                if (loaded.Bundle is null)
                {
                    error = $"--trust-bundle: refused ({loaded.Code}: {loaded.Reason})";
                    return null;
                }

                bundle = loaded.Bundle;
            }

            var named = DscTrustList.FromDer(extra);
            var dsc = bundle is null ? named : bundle.Dsc.Concat(named);
            if (named.RejectedCount > 0)
            {
                error = "--trust-dsc: not an X.509 certificate";
                return null;
            }

            var schemas = options.Schemas is { } dir ? LoadSchemas(dir) : bundle?.DccChecks.Schemas;
            return new VerifyTrust(dsc, bundle?.DeclarationSigners ?? DscTrustList.Empty, bundle?.ShcIssuers ?? ShcIssuerList.Empty, schemas)
            {
                Bundle = bundle,
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or CryptographicException or ArgumentException)
        {
            error = $"trust: {ex.Message}";
            return null;
        }
    }

    private static byte[] ReadDer(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => !l.StartsWith("-----", StringComparison.Ordinal));
        return Convert.FromBase64String(string.Concat(lines.Select(l => l.Trim())));
    }

    private static DccSchemaSet LoadSchemas(string dir) =>
        DccSchemaSet.FromJson(Directory.EnumerateDirectories(dir)
            .Select(d => (Version: Path.GetFileName(d), File: Directory.EnumerateFiles(d, "*.json").Order(StringComparer.Ordinal).FirstOrDefault()))
            .Where(v => v.File is not null)
            .ToDictionary(v => v.Version, v => File.ReadAllText(v.File!)));
}
