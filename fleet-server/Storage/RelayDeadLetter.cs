namespace ScanPoint.FleetServer.Storage;

/// <summary>A check-in the national backend refused for good: kept out of the outbox until replayed.</summary>
public sealed record RelayDeadLetter(string DeviceId, long Seq, string Code, string Reason, DateTimeOffset At);
