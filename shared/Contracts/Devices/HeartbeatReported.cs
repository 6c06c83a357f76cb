namespace ScanPoint.Contracts.Devices;

/// <summary>
/// A kiosk's liveness beat on <c>…/hb</c> (every 60 s by default): how it is, not whether it is connected (presence)
/// nor what it scanned (check-ins). Nothing personal. Null means "not known on this device" (no thermal sensor, no
/// trust bundle yet, clock offset not learned yet). Counts "since last" cover the interval since the previous beat.
/// <c>SignalsFault</c> is the door signals' first hardware fault (GPIO), null while they work.
/// </summary>
public sealed record HeartbeatReported(
    int V,
    long Boot,
    DateTimeOffset At,
    double UptimeSeconds,
    double? CpuTemperatureC,
    long DiskFreeBytes,
    long DiskTotalBytes,
    long? MemoryAvailableBytes,
    long ProcessMemoryBytes,
    long OutboxPending,
    double? OutboxOldestAgeSeconds,
    long? TrustVersion,
    double? TrustAgeSeconds,
    double? ClockOffsetSeconds,
    long ScansSinceLast,
    long DecodeFailuresSinceLast,
    string? SignalsFault = null)
{
    public const int SchemaVersion = 1;
}
