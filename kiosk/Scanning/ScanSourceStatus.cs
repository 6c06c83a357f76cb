namespace ScanPoint.Kiosk.Scanning;

/// <summary>
/// One scan source as the health report sees it: <c>running</c>, <c>retrying</c> (failed, waiting to restart) or
/// <c>ended</c>; scans handed over, failures, the last failure's type and message (device errors, never a payload),
/// and the source's own metrics (<see cref="ScanPoint.Hardware.Scanning.IScanSourceMetrics"/>).
/// </summary>
public sealed record ScanSourceStatus(
    string Name,
    string State,
    long Scans,
    long Failures,
    string? LastFailure,
    DateTimeOffset? LastFailureAt,
    IReadOnlyDictionary<string, double> Metrics);
