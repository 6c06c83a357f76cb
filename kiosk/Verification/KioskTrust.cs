using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.Credentials.Trust;

namespace ScanPoint.Kiosk.Verification;

/// <summary>
/// The trust this kiosk judges signed codes with: the anchor public key pinned at provisioning
/// (<c>trust-anchor.pem</c> in the data directory) and the bundle at <c>Kiosk:TrustBundle</c>, verified against it.
/// The highest version accepted is remembered (<c>trust-version</c>), so an older bundle is refused even after a
/// restart. Without a pinned anchor the kiosk verifies nothing and records formats as <c>unverified</c>.
/// </summary>
public sealed class KioskTrust
{
    public const string AnchorFileName = "trust-anchor.pem";
    public const string VersionFileName = "trust-version";

    public KioskTrust(IOptions<KioskOptions> options, ILogger<KioskTrust> logger)
    {
        var o = options.Value;
        var anchorPath = Path.Combine(o.DataDir, AnchorFileName);
        if (!File.Exists(anchorPath))
        {
            Log.TrustNotPinned(logger, anchorPath);
            return;
        }

        using var anchor = TrustAnchor.FromPem(File.ReadAllText(anchorPath));
        HasAnchor = true;
        if (string.IsNullOrEmpty(o.TrustBundle) || !File.Exists(o.TrustBundle))
        {
            Problem = $"no trust bundle at '{o.TrustBundle}'";
            Log.TrustRefused(logger, "none", Problem);
            return;
        }

        var versionPath = Path.Combine(o.DataDir, VersionFileName);
        var accepted = File.Exists(versionPath) ? long.Parse(File.ReadAllText(versionPath), CultureInfo.InvariantCulture) : 0;
        var result = TrustBundleLoader.Load(File.ReadAllBytes(o.TrustBundle), anchor, accepted);
        if (result.Bundle is null)
        {
            Problem = $"{result.Code}: {result.Reason}";
            Log.TrustRefused(logger, result.Code!, result.Reason!);
            return;
        }

        Bundle = result.Bundle;
        if (Bundle.Version > accepted)
        {
            File.WriteAllText(versionPath, Bundle.Version.ToString(CultureInfo.InvariantCulture));
        }

        Log.TrustLoaded(logger, Bundle.Version, Bundle.IssuedAt, Bundle.Dsc.Count);
    }

    /// <summary>Whether an anchor is pinned: then every signed format is judged, and a missing bundle is not a green.</summary>
    public bool HasAnchor { get; }

    public TrustBundle? Bundle { get; }

    /// <summary>Why no bundle is loaded, for health and logs.</summary>
    public string? Problem { get; }
}
