using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Declarations;

/// <summary>The verdict on a declaration pass and, when they could be read, its claims.</summary>
public sealed record DeclarationResult(Verdict Verdict, DeclarationClaims? Claims);
