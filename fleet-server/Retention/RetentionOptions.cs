using System.ComponentModel.DataAnnotations;

namespace ScanPoint.FleetServer.Retention;

/// <summary>The <c>Retention</c> configuration section: how long the fleet keeps check-ins (and the personal data in them).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Check-ins whose scan time is older than this many days are deleted, relayed or not.</summary>
    [Range(1, 3650, ErrorMessage = "Retention:Days must be 1..3650")]
    public int Days { get; set; } = 28;

    /// <summary>How often retention runs (it also runs at start).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Retention:Interval must be 00:00:01..7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Check-ins deleted per transaction (ingest writes between batches).</summary>
    [Range(1, 100_000, ErrorMessage = "Retention:BatchSize must be 1..100000")]
    public int BatchSize { get; set; } = 5000;
}
