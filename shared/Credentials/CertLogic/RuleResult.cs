namespace ScanPoint.Credentials.CertLogic;

/// <summary>
/// One business rule's outcome. <see cref="Code"/> (from <see cref="CertLogicCodes"/>) and <see cref="Detail"/>
/// are set only for <see cref="RuleOutcome.Open"/>; the detail names the operation, never payload values.
/// </summary>
public sealed record RuleResult(string? RuleId, RuleOutcome Outcome, string? Code = null, string? Detail = null);
