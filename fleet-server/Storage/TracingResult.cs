namespace ScanPoint.FleetServer.Storage;

/// <summary>Check-ins of a tracing query in time order; <see cref="Truncated"/> when more matched than were asked for.</summary>
public sealed record TracingResult(IReadOnlyList<TracingCheckIn> CheckIns, bool Truncated);
