using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.Credentials.Trust;

namespace ScanPoint.Kiosk.Verification;

/// <summary>
/// The trust this kiosk judges signed codes with: the anchor public key pinned at provisioning
/// (<c>trust-anchor.pem</c> in the data directory) and the newest valid bundle of <c>Kiosk:TrustBundle</c> and the
/// downloaded <c>trust-bundle.cose</c> in the data directory, verified against it. The highest version accepted is
/// remembered (<c>trust-version</c>), so an older bundle is refused even after a restart. A newer verified bundle is
/// swapped in while running (<see cref="Accept"/>). Without a pinned anchor the kiosk verifies nothing and records
/// formats as <c>unverified</c>.
/// </summary>
public sealed class KioskTrust
{
    public const string AnchorFileName = "trust-anchor.pem";
    public const string VersionFileName = "trust-version";
    public const string BundleFileName = "trust-bundle.cose";

    private readonly Lock _gate = new();
    private readonly ILogger<KioskTrust> _logger;
    private readonly string _anchorPem = "";
    private readonly string _versionPath;
    private readonly string _bundlePath;
    private volatile TrustBundle? _bundle;
    private volatile string? _problem;

    public KioskTrust(IOptions<KioskOptions> options, ILogger<KioskTrust> logger)
    {
        var o = options.Value;
        _logger = logger;
        _versionPath = Path.Combine(o.DataDir, VersionFileName);
        _bundlePath = Path.Combine(o.DataDir, BundleFileName);
        var anchorPath = Path.Combine(o.DataDir, AnchorFileName);
        if (!File.Exists(anchorPath))
        {
            Log.TrustNotPinned(logger, anchorPath);
            return;
        }

        _anchorPem = File.ReadAllText(anchorPath);
        HasAnchor = true;
        using var anchor = TrustAnchor.FromPem(_anchorPem);
        var accepted = AcceptedVersion();
        TrustLoadResult? best = null;
        foreach (var path in new[] { o.TrustBundle, _bundlePath }.Where(p => !string.IsNullOrEmpty(p) && File.Exists(p)))
        {
            var result = TrustBundleLoader.Load(File.ReadAllBytes(path), anchor, accepted);
            if (best?.Bundle is null || (result.Bundle is { } b && b.Version > best.Bundle.Version))
            {
                best = result;
            }
        }

        if (best?.Bundle is not { } bundle)
        {
            _problem = best is null ? $"no trust bundle at '{o.TrustBundle}' or '{_bundlePath}'" : $"{best.Code}: {best.Reason}";
            Log.TrustRefused(logger, best?.Code ?? "none", best?.Reason ?? _problem);
            return;
        }

        _bundle = bundle;
        if (bundle.Version > accepted)
        {
            File.WriteAllText(_versionPath, bundle.Version.ToString(CultureInfo.InvariantCulture));
        }

        Log.TrustLoaded(logger, bundle.Version, bundle.IssuedAt, bundle.Dsc.Count);
    }

    /// <summary>Whether an anchor is pinned: then every signed format is judged, and a missing bundle is not a green.</summary>
    public bool HasAnchor { get; }

    public TrustBundle? Bundle => _bundle;

    /// <summary>Why no bundle is loaded, for health and logs.</summary>
    public string? Problem => _problem;

    /// <summary>
    /// Verifies <paramref name="file"/> with the pinned anchor and, when it is newer than the loaded bundle, keeps it in
    /// the data directory (atomically), remembers its version and uses it from now on. Older or equal versions, forged
    /// or malformed files are refused with the loader's code; nothing changes then.
    /// </summary>
    public TrustLoadResult Accept(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!HasAnchor)
        {
            return TrustLoadResult.Failed(Credentials.Verdicts.VerdictCodes.NoTrust, "no trust anchor is pinned on this kiosk");
        }

        lock (_gate)
        {
            using var anchor = TrustAnchor.FromPem(_anchorPem);
            var loaded = _bundle?.Version ?? 0;
            var result = TrustBundleLoader.Load(file, anchor, Math.Max(AcceptedVersion(), loaded));
            if (result.Bundle is not { } bundle)
            {
                return result;
            }

            if (bundle.Version <= loaded)
            {
                return TrustLoadResult.Failed(Credentials.Verdicts.VerdictCodes.TrustRollback, $"version {bundle.Version} is not newer than the loaded {loaded}");
            }

            AtomicFile.Write(_bundlePath, file);
            AtomicFile.Write(_versionPath, System.Text.Encoding.ASCII.GetBytes(bundle.Version.ToString(CultureInfo.InvariantCulture)));
            _bundle = bundle;
            _problem = null;
            Log.TrustUpdated(_logger, loaded, bundle.Version, bundle.IssuedAt);
            return result;
        }
    }

    private long AcceptedVersion() =>
        File.Exists(_versionPath) ? long.Parse(File.ReadAllText(_versionPath), CultureInfo.InvariantCulture) : 0;

}
