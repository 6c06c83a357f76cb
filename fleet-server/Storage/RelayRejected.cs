namespace ScanPoint.FleetServer.Storage;

/// <summary>An outbox entry the national backend refused for good, with its code and reason.</summary>
public sealed record RelayRejected(long OutboxId, string Code, string Reason);
