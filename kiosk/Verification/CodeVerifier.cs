using ScanPoint.Contracts.CheckIns;
using ScanPoint.Credentials.CitizenId;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Declarations;
using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.VdsNc;
using ScanPoint.Credentials.Verdicts;
using ContractVerdicts = ScanPoint.Contracts.CheckIns.VerdictCodes;
using EngineCodes = ScanPoint.Credentials.Verdicts.VerdictCodes;

namespace ScanPoint.Kiosk.Verification;

/// <summary>
/// Judges a scanned code locally, against the trust bundle, and returns the check-in's verdict string:
/// HC1, SHC, VDS-NC and DCL1 against their bundle sections; a citizen-ID card is parsed (unsigned, so at best
/// <c>unverified</c>); a stale or missing bundle is never a green.
/// </summary>
public sealed class CodeVerifier(KioskTrust trust, TimeProvider time)
{
    /// <summary>The country whose acceptance rules apply at the kiosk.</summary>
    public const string CountryOfArrival = "VN";

    public string Verify(string text, string format)
    {
        if (format == CodeFormats.CitizenId)
        {
            // unsigned: a well-formed card is an unverified identity claim, never a green
            var card = CitizenIdParser.Parse(text);
            return card.Parsed ? ContractVerdicts.Unverified : ContractVerdicts.Rejected(card.Code ?? EngineCodes.CitizenIdFormat);
        }

        if (format == CodeFormats.Unknown || !trust.HasAnchor)
        {
            return ContractVerdicts.Unverified;
        }

        var now = time.GetUtcNow();
        if (trust.Bundle is not { } bundle)
        {
            return ContractVerdicts.Unverifiable(EngineCodes.NoTrust);
        }

        if (IsStale(bundle, format, now))
        {
            return ContractVerdicts.Unverifiable(EngineCodes.TrustStale);
        }

        return ToCheckInVerdict(format switch
        {
            CodeFormats.Dcc => VerifyDcc(text, bundle, now),
            CodeFormats.SmartHealthCard => ShcVerifier.Verify(text, bundle.ShcIssuers, now).Verdict,
            CodeFormats.VdsNc => VdsNcVerifier.Verify(text, bundle.VdsCscas, now).Verdict,
            _ => DeclarationVerifier.Verify(text, bundle.DeclarationSigners, now).Verdict,
        });
    }

    /// <summary>Signature, schema, revocation, time and key usage; then the bundle's business rules for Viet Nam.</summary>
    private static Verdict VerifyDcc(string text, TrustBundle bundle, DateTimeOffset now)
    {
        var checks = bundle.DccChecks;
        var result = DccVerifier.Verify(text, bundle.Dsc, now, checks.Revocations, checks.Schemas);
        return result.Verdict is Verdict.Accepted && result.Claims is { } claims && checks.Rules.Count > 0
            ? DccRuleCheck.Evaluate(claims, checks.Rules, checks.ValueSets, now, CountryOfArrival) ?? result.Verdict
            : result.Verdict;
    }

    private static bool IsStale(TrustBundle bundle, string format, DateTimeOffset now) => format switch
    {
        CodeFormats.Dcc => bundle.IsDccStale(now),
        CodeFormats.SmartHealthCard => bundle.IsShcIssuersStale(now),
        CodeFormats.VdsNc => bundle.IsVdsCscasStale(now),
        _ => bundle.IsDeclarationSignersStale(now),
    };

    private static string ToCheckInVerdict(Verdict verdict) => verdict switch
    {
        Verdict.Accepted => ContractVerdicts.Accepted,
        Verdict.Rejected r => ContractVerdicts.Rejected(r.Code),
        Verdict.Unverifiable u => ContractVerdicts.Unverifiable(u.Code),
        _ => ContractVerdicts.Unverifiable(EngineCodes.Internal),
    };
}
