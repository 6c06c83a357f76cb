using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Kiosk.Commands;

/// <summary>What <c>kiosk verify</c> found: the format, the product's verdict, the per-stage checks and, when asked, the subject.</summary>
internal sealed record VerifyReport(string Format, Verdict Verdict, CredentialChecks Checks)
{
    /// <summary>Name and date of birth as the code states them; filled only for <c>--show-subject</c>.</summary>
    public VerifySubject? Subject { get; init; }

    /// <summary>Extra warnings of the command (e.g. a stale trust bundle), after the verdict's.</summary>
    public IReadOnlyList<string> ExtraWarnings { get; init; } = [];

    public IEnumerable<string> Warnings => Verdict.Warnings.Concat(ExtraWarnings);

    public string VerdictName => Verdict switch
    {
        Verdict.Accepted => "accepted",
        Verdict.Rejected => "rejected",
        _ => "unverifiable",
    };

    /// <summary>0 accepted, 1 rejected, 2 unverifiable.</summary>
    public int ExitCode => Verdict switch
    {
        Verdict.Accepted => 0,
        Verdict.Rejected => 1,
        _ => 2,
    };
}
