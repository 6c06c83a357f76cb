using System.ComponentModel.DataAnnotations;
using ScanPoint.FleetServer.Enrolment;

namespace ScanPoint.FleetServer.Trust;

/// <summary>The <c>Trust</c> section: where imported trust bundles live and how they are announced to kiosks.</summary>
public sealed class TrustOptions
{
    public const string SectionName = "Trust";

    /// <summary>Imported bundles: <c>current.cose</c> (the one distributed) and every imported version beside it.</summary>
    [Required]
    public string Dir { get; set; } = "fleet-data/trust";

    /// <summary>PEM of the national trust anchor's public key (default: <c>Enrolment:TrustAnchor</c>).</summary>
    public string? Anchor { get; set; }

    /// <summary>Base of the announced download URL (default: https, the host and port of the enrolment URL).</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How often <see cref="Dir"/> is looked at for a newly imported bundle.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Trust:CheckInterval must be between 50 ms and an hour.")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The anchor's PEM file, or null when neither <c>Trust:Anchor</c> nor <c>Enrolment:TrustAnchor</c> is set.</summary>
    public string? AnchorPath(EnrolmentOptions enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return Anchor is { Length: > 0 } anchor ? anchor : enrolment.TrustAnchor is { Length: > 0 } pinned ? pinned : null;
    }

    /// <summary>Where kiosks download the current bundle.</summary>
    public Uri BundleUrl(EnrolmentOptions enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var root = PublicBaseUrl ?? new Uri("https://" + enrolment.EnrolmentUrl.Authority);
        var withSlash = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        return new Uri(withSlash, "api/trust/bundle");
    }
}
