using System.ComponentModel.DataAnnotations;

namespace ScanPoint.FleetServer.Management;

/// <summary>The <c>Management</c> section: how often desired configs and commands are looked at.</summary>
public sealed class ManagementOptions
{
    public const string SectionName = "Management";

    /// <summary>
    /// How often changed settings/policies are published and pending commands sent (the CLI writes to the store; the
    /// server picks the change up within this).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Management:CheckInterval must be between 50 ms and 10 min.")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(2);
}
