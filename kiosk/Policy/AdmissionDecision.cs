namespace ScanPoint.Kiosk.Policy;

/// <summary>
/// The combined verdict for one traveller or guest: <c>accepted</c>, <c>rejected:CODE</c>, <c>unverifiable:CODE</c>,
/// <c>unverified</c> (an identity card alone) or <c>pending</c> (a checkpoint still waiting for more codes, with what is
/// <see cref="Missing"/>). <see cref="Final"/> when no further scan can change it.
/// </summary>
public sealed record AdmissionDecision(string Verdict, bool Final, IReadOnlyList<string> Missing)
{
    public const string Pending = "pending";

    /// <summary>Codes of the policy itself (the codes' own verdicts keep theirs).</summary>
    public const string Mismatch = "MISMATCH";
    public const string VaccinationTooRecent = "VAX_RECENT";
    public const string TestTooOld = "TEST_OLD";
    public const string RecoveryTooOld = "RECOVERY_OLD";
    public const string DeclarationTooOld = "DCL_OLD";
    public const string Route = "ROUTE";
    public const string NotHealthy = "HEALTH";
    public const string TestPositive = "TEST_POSITIVE";
    public const string Incomplete = "INCOMPLETE";
    public const string NothingRequired = "MISSING";
}
