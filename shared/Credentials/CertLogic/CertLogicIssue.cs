using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.CertLogic;

/// <summary>One problem found by <see cref="CertLogicValidator"/>: the offending (sub-)expression and why.</summary>
public sealed record CertLogicIssue(JsonNode? Expression, string Message);
