using ScanPoint.Contracts.Intake;

namespace ScanPoint.FleetServer.Storage;

/// <summary>One relay outbox entry and the check-in it names, as the national intake receives it.</summary>
public sealed record PendingRelay(long OutboxId, IntakeCheckIn CheckIn);
