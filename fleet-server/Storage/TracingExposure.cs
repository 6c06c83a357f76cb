namespace ScanPoint.FleetServer.Storage;

/// <summary>A site marked as an exposure for a window by a tracer; <see cref="Province"/> null when national.</summary>
public sealed record TracingExposure(
    long Id, string SiteId, string? Province, DateTimeOffset From, DateTimeOffset To, string Note, string CreatedBy, DateTimeOffset CreatedAt);
