namespace ScanPoint.FleetServer.Storage;

/// <summary>The relay outbox's state: entries waiting, when the oldest was committed (null when none), dead letters.</summary>
public sealed record RelayBacklog(long Pending, DateTimeOffset? OldestReceivedAt, long DeadLetters);
