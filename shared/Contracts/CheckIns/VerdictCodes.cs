namespace ScanPoint.Contracts.CheckIns;

/// <summary>
/// The verdict a check-in carries: <c>accepted</c>, <c>rejected:CODE</c>, <c>unverifiable:CODE</c>, or
/// <c>unverified</c> for a recognised format that has no verifier yet (never shown as accepted).
/// CODE is the credentials engine's stable stage code (<c>SIG</c>, <c>EXP</c>, <c>KID</c>, <c>TRUST_STALE</c> …).
/// </summary>
public static class VerdictCodes
{
    public const string Accepted = "accepted";

    /// <summary>The format was recognised but not verified (no verifier for it yet). Never shown as accepted.</summary>
    public const string Unverified = "unverified";

    /// <summary>A guest leaving a venue through a check-out kiosk: recorded for tracing (the end of the visit), not judged.</summary>
    public const string CheckedOut = "checked-out";

    public static string Rejected(string code) => "rejected:" + code;

    public static string Unverifiable(string code) => "unverifiable:" + code;
}
