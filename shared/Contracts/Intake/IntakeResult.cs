namespace ScanPoint.Contracts.Intake;

/// <summary>
/// The answer (200) to a batch: every item id lands in exactly one list. <see cref="Accepted"/> are newly stored,
/// <see cref="Duplicates"/> were stored before (by an earlier delivery), <see cref="Rejected"/> are refused for good:
/// re-sending them will not help (a fleet moves them to dead letters).
/// </summary>
public sealed record IntakeResult(
    string BatchId,
    IReadOnlyList<string> Accepted,
    IReadOnlyList<string> Duplicates,
    IReadOnlyList<IntakeRejection> Rejected);

/// <summary>One refused check-in: its id, a short stable code (<see cref="IntakeValidation"/>) and a reason.</summary>
public sealed record IntakeRejection(string Id, string Code, string Reason);
