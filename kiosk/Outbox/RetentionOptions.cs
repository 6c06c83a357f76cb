using System.ComponentModel.DataAnnotations;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>The retention keys of the <c>Kiosk</c> section (see <see cref="OutboxRetentionWorker"/>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Kiosk";

    /// <summary>How long an acknowledged check-in (and its personal fields) stays on the kiosk after the fleet's ack.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00", ErrorMessage = "Kiosk:RetentionAfterAck must be between 0 and 90 days.")]
    public TimeSpan RetentionAfterAck { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often the purge runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Kiosk:RetentionPurgeInterval must be between 1 second and a day.")]
    public TimeSpan RetentionPurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
