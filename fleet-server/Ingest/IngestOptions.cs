using System.ComponentModel.DataAnnotations;

namespace ScanPoint.FleetServer.Ingest;

/// <summary>The <c>Ingest</c> configuration section.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Most check-ins committed in one database transaction (batches from many devices are combined).</summary>
    [Range(1, 100_000)]
    public int MaxRowsPerCommit { get; set; } = 5000;

    /// <summary>Wait after a failed commit before trying the next one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
