using System.ComponentModel.DataAnnotations;

namespace ScanPoint.Kiosk.Systemd;

/// <summary>The <c>Systemd</c> configuration section (the watchdog interval itself comes from systemd's <c>WatchdogSec=</c>).</summary>
public sealed class SystemdOptions
{
    public const string SectionName = "Systemd";

    /// <summary>A scan still being judged and recorded after this long counts as stuck: the watchdog is no longer petted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Systemd:StuckAfter must be between 1 s and 1 h.")]
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromSeconds(10);
}
