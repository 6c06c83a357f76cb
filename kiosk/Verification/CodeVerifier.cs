using ScanPoint.Contracts.CheckIns;
using ScanPoint.Credentials.CitizenId;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Declarations;
using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.VdsNc;
using ScanPoint.Credentials.Verdicts;
using ScanPoint.Kiosk.Clock;
using ScanPoint.Kiosk.Policy;
using ContractVerdicts = ScanPoint.Contracts.CheckIns.VerdictCodes;
using EngineCodes = ScanPoint.Credentials.Verdicts.VerdictCodes;

namespace ScanPoint.Kiosk.Verification;

/// <summary>
/// Judges a scanned code locally, against the trust bundle, and returns the check-in's verdict string and who was
/// scanned: HC1, SHC, VDS-NC and DCL1 against their bundle sections; a citizen-ID card is parsed (unsigned, so at best
/// <c>unverified</c>); a stale or missing bundle is never a green, and neither is a clock <see cref="ClockGuard"/>
/// does not trust (<c>unverifiable:CLOCK</c>). The subject comes only from a code whose signature verified, or from a
/// parsed citizen-ID card (an unverified claim, so marked by its verdict).
/// </summary>
public sealed class CodeVerifier(KioskTrust trust, TimeProvider time, ClockGuard clock)
{
    /// <summary>The country whose acceptance rules apply at the kiosk.</summary>
    public const string CountryOfArrival = "VN";

    /// <summary>The verdict alone.</summary>
    public string Verify(string text, string format) => Check(text, format).Verdict;

    public CodeCheck Check(string text, string format)
    {
        if (format == CodeFormats.CitizenId)
        {
            // unsigned: a well-formed card is an unverified identity claim, never a green
            var card = CitizenIdParser.Parse(text);
            return card.Parsed
                ? new CodeCheck(ContractVerdicts.Unverified, SubjectReader.FromCitizenId(card.Identity), EvidenceReader.FromCitizenId(ContractVerdicts.Unverified, card.Identity))
                : new CodeCheck(ContractVerdicts.Rejected(card.Code ?? EngineCodes.CitizenIdFormat));
        }

        if (format == CodeFormats.Unknown)
        {
            return new CodeCheck(ContractVerdicts.Unverified);
        }

        if (clock.Check() != ClockStatus.Trusted)
        {
            return new CodeCheck(ContractVerdicts.Unverifiable(ClockGuard.Code));
        }

        if (!trust.HasAnchor)
        {
            return new CodeCheck(ContractVerdicts.Unverified);
        }

        var now = time.GetUtcNow();
        if (trust.Bundle is not { } bundle)
        {
            return new CodeCheck(ContractVerdicts.Unverifiable(EngineCodes.NoTrust));
        }

        if (IsStale(bundle, format, now))
        {
            return new CodeCheck(ContractVerdicts.Unverifiable(EngineCodes.TrustStale));
        }

        var (verdict, subject, evidence) = format switch
        {
            CodeFormats.Dcc => VerifyDcc(text, bundle, now),
            CodeFormats.SmartHealthCard => VerifyShc(text, bundle, now),
            CodeFormats.VdsNc => VerifyVdsNc(text, bundle, now),
            _ => VerifyDeclaration(text, bundle, now),
        };
        var code = ToCheckInVerdict(verdict);
        return SubjectReader.SignatureVerified(verdict)
            ? new CodeCheck(code, subject, evidence(code))
            : new CodeCheck(code);
    }

    /// <summary>Signature, schema, revocation, time and key usage; then the bundle's business rules for Viet Nam.</summary>
    private static (Verdict Verdict, CheckInSubject? Subject, Func<string, Evidence> Evidence) VerifyDcc(string text, TrustBundle bundle, DateTimeOffset now)
    {
        var checks = bundle.DccChecks;
        var result = DccVerifier.Verify(text, bundle.Dsc, now, checks.Revocations, checks.Schemas);
        var verdict = result.Verdict is Verdict.Accepted && result.Claims is { } claims && checks.Rules.Count > 0
            ? DccRuleCheck.Evaluate(claims, checks.Rules, checks.ValueSets, now, CountryOfArrival) ?? result.Verdict
            : result.Verdict;
        return (verdict, SubjectReader.FromDcc(result.Claims?.Payload), code => EvidenceReader.FromDcc(code, result.Claims?.Payload));
    }

    private static (Verdict Verdict, CheckInSubject? Subject, Func<string, Evidence> Evidence) VerifyShc(string text, TrustBundle bundle, DateTimeOffset now)
    {
        var result = ShcVerifier.Verify(text, bundle.ShcIssuers, now);
        return (result.Verdict, SubjectReader.FromShc(result.Claims), code => EvidenceReader.FromShc(code, result.Claims));
    }

    private static (Verdict Verdict, CheckInSubject? Subject, Func<string, Evidence> Evidence) VerifyVdsNc(string text, TrustBundle bundle, DateTimeOffset now)
    {
        var result = VdsNcVerifier.Verify(text, bundle.VdsCscas, now);
        return (result.Verdict, SubjectReader.FromVdsNc(result.Data), code => EvidenceReader.FromVdsNc(code, result.Data));
    }

    private static (Verdict Verdict, CheckInSubject? Subject, Func<string, Evidence> Evidence) VerifyDeclaration(string text, TrustBundle bundle, DateTimeOffset now)
    {
        var result = DeclarationVerifier.Verify(text, bundle.DeclarationSigners, now);
        return (result.Verdict, SubjectReader.FromDeclaration(result.Claims?.Pass), code => EvidenceReader.FromDeclaration(code, result.Claims));
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
