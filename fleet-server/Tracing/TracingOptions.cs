using System.ComponentModel.DataAnnotations;

namespace ScanPoint.FleetServer.Tracing;

/// <summary>The <c>Tracing</c> configuration section.</summary>
public sealed class TracingOptions
{
    public const string SectionName = "Tracing";

    /// <summary>"Who overlapped in time": other check-ins within this many minutes either side of a person's visit.</summary>
    [Range(1, 24 * 60, ErrorMessage = "Tracing:OverlapMinutes must be 1-1440")]
    public int OverlapMinutes { get; set; } = 60;

    /// <summary>At most this many check-ins per query (more are cut and flagged <c>truncated</c>).</summary>
    [Range(1, 100_000, ErrorMessage = "Tracing:MaxRows must be 1-100000")]
    public int MaxRows { get; set; } = 5000;
}
