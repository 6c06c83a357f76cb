using System.ComponentModel.DataAnnotations;

namespace ScanPoint.Kiosk;

/// <summary>The <c>Kiosk</c> configuration section.</summary>
public sealed class KioskOptions
{
    public const string SectionName = "Kiosk";

    /// <summary>Where kiosk.json (identity) and the outbox live.</summary>
    [Required(ErrorMessage = "Kiosk:DataDir is required (--data-dir DIR)")]
    public string DataDir { get; set; } = "";

    /// <summary>Scan source specs: <c>lines:PATH</c>, <c>stdin</c>.</summary>
    public List<string> ScanSources { get; set; } = [];

    /// <summary>The signed trust bundle to judge codes with (verified against the anchor pinned at provisioning).</summary>
    public string TrustBundle { get; set; } = "";

    /// <summary>After a failed trust bundle download, the next try (unless a new announcement comes first).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Kiosk:TrustRetryInterval must be greater than zero (and at most a day).")]
    public TimeSpan TrustRetryInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An enrolled kiosk renews its device certificate when less than this is left of it.</summary>
    public TimeSpan CertificateRenewBefore { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often the device certificate's remaining life is looked at (and a failed renewal retried).</summary>
    public TimeSpan CertificateCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Longest scan accepted, in characters (a QR code holds at most 7,089).</summary>
    [Range(16, 65536)]
    public int MaxScanLength { get; set; } = 8192;

    /// <summary>How often a locked (province policy) key may be overridden locally with <c>kiosk config set --override-lock</c>.</summary>
    public TimeSpan LocalOverrideCooldown { get; set; } = TimeSpan.FromHours(24);

    /// <summary>What the <c>reboot</c> command runs (through <c>/bin/sh -c</c>), after its result reached the fleet.</summary>
    [Required(ErrorMessage = "Kiosk:RebootCommand is required")]
    public string RebootCommand { get; set; } = "systemctl reboot";

    /// <summary>How often the kiosk looks at <c>config-local.json</c> and evaluates its alert conditions.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Kiosk:ManagementPoll must be between 10 ms and 10 minutes.")]
    public TimeSpan ManagementPoll { get; set; } = TimeSpan.FromSeconds(5);
}
