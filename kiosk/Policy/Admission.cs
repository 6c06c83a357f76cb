using ScanPoint.Contracts.CheckIns;
using ScanPoint.Credentials.Identity;

namespace ScanPoint.Kiosk.Policy;

/// <summary>
/// The policy engine: from the evidence of one person's codes to one verdict. Holders must not contradict each other
/// (name + date of birth, <see cref="IdentityMatcher"/>); only accepted codes that meet the policy's time and route
/// conditions satisfy a requirement. Pure: the clock is a parameter.
/// </summary>
public static class Admission
{
    /// <param name="more">True while more codes may still come (a checkpoint's window is open): an unmet requirement
    /// is then <c>pending</c> rather than a refusal.</param>
    public static AdmissionDecision Decide(AdmissionPolicy policy, IReadOnlyList<Evidence> evidence, DateTimeOffset now, bool more)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(evidence);
        if (HoldersDisagree(evidence))
        {
            return new AdmissionDecision(VerdictCodes.Rejected(AdmissionDecision.Mismatch), true, []);
        }

        var reasons = new List<string>();
        var satisfied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in evidence.Where(e => e.Verdict == VerdictCodes.Accepted))
        {
            if (Problem(policy, e, now) is { } problem)
            {
                reasons.Add(problem);
            }
            else
            {
                satisfied.Add(e.Kind);
            }
        }

        var missing = policy.Require.Where(g => !g.Any(satisfied.Contains)).Select(g => string.Join('|', g)).ToList();
        if (missing.Count == 0)
        {
            return new AdmissionDecision(VerdictCodes.Accepted, true, []);
        }

        if (more)
        {
            return new AdmissionDecision(AdmissionDecision.Pending, false, missing);
        }

        return new AdmissionDecision(Refusal(evidence, reasons, missing.Count < policy.Require.Count), true, missing);
    }

    /// <summary>Why an accepted code does not meet the policy, or null when it does.</summary>
    private static string? Problem(AdmissionPolicy policy, Evidence e, DateTimeOffset now)
    {
        var age = e.At is { } at ? now - at : (TimeSpan?)null;
        return e.Kind switch
        {
            EvidenceKinds.Vaccination => !e.Complete || age is null || age < policy.VaccinationMinAge ? AdmissionDecision.VaccinationTooRecent : null,
            EvidenceKinds.Test => !e.Complete ? AdmissionDecision.TestPositive : age is null || age > policy.TestMaxAge ? AdmissionDecision.TestTooOld : null,
            EvidenceKinds.Recovery => age is null || age > policy.RecoveryMaxAge ? AdmissionDecision.RecoveryTooOld : null,
            EvidenceKinds.Movement => age is null || age > policy.DeclarationMaxAge ? AdmissionDecision.DeclarationTooOld
                : policy.Route is { } route && !string.Equals(e.To, route, StringComparison.OrdinalIgnoreCase) ? AdmissionDecision.Route : null,
            EvidenceKinds.Health => age is null || age > policy.DeclarationMaxAge ? AdmissionDecision.DeclarationTooOld
                : !e.Complete ? AdmissionDecision.NotHealthy : null,
            _ => null,
        };
    }

    /// <summary>A refusal names the most telling cause: a code's own failure, then a policy condition, then what is missing.</summary>
    private static string Refusal(IReadOnlyList<Evidence> evidence, List<string> reasons, bool partlyMet)
    {
        if (evidence.Count == 1 && evidence[0].Verdict == VerdictCodes.Unverified)
        {
            return evidence[0].Verdict; // a citizen-ID card (staff-assisted entry) or a code nothing here can verify: recorded, never green
        }

        if (evidence.FirstOrDefault(e => e.Verdict.StartsWith("rejected:", StringComparison.Ordinal)) is { } rejected)
        {
            return rejected.Verdict;
        }

        if (reasons.Count > 0)
        {
            return VerdictCodes.Rejected(reasons[0]);
        }

        if (evidence.FirstOrDefault(e => e.Verdict.StartsWith("unverifiable:", StringComparison.Ordinal)) is { } unverifiable)
        {
            return unverifiable.Verdict;
        }

        return VerdictCodes.Rejected(partlyMet || evidence.Count > 1 ? AdmissionDecision.Incomplete : AdmissionDecision.NothingRequired);
    }

    private static bool HoldersDisagree(IReadOnlyList<Evidence> evidence)
    {
        var holders = evidence.Where(e => e.Holder is not null).Select(e => e.Holder!).ToList();
        for (var i = 0; i < holders.Count; i++)
        {
            for (var j = i + 1; j < holders.Count; j++)
            {
                if (IdentityMatcher.Compare(holders[i], holders[j]).Kind == IdentityMatchKind.Mismatch)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
