using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Shc;

/// <summary>The verdict on one SMART Health Card, with its claims when the payload decoded (even if not trusted).</summary>
public sealed record ShcResult(Verdict Verdict, ShcClaims? Claims);
