namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// A check-in the national backend refused for good, or that failed <c>Relay:MaxAttempts</c> times (code
/// <c>ATTEMPTS</c>): kept out of the outbox until replayed. <see cref="Province"/> is its device's (empty if unknown).
/// </summary>
public sealed record RelayDeadLetter(string DeviceId, long Seq, string Province, string Code, string Reason, int Attempts, DateTimeOffset At);
