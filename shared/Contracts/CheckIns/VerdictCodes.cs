namespace ScanPoint.Contracts.CheckIns;

/// <summary>Verdict codes carried by check-ins before and after verification.</summary>
public static class VerdictCodes
{
    /// <summary>The format was recognised but not verified (no verifier for it yet). Never shown as accepted.</summary>
    public const string Unverified = "unverified";
}
