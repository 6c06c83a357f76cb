namespace ScanPoint.FleetServer.Storage;

/// <summary>A check-in as tracing shows it: where, when, the verdict and who (name and birth date opened).</summary>
public sealed record TracingCheckIn(
    string SiteId, string Province, string DeviceId, DateTimeOffset At, string Verdict, string? PersonKey, string? Name, string? BirthDate);
