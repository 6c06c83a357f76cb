using ScanPoint.Contracts.CheckIns;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Declarations;
using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Verdicts;
using ContractVerdicts = ScanPoint.Contracts.CheckIns.VerdictCodes;
using EngineCodes = ScanPoint.Credentials.Verdicts.VerdictCodes;

namespace ScanPoint.Kiosk.Verification;

/// <summary>
/// Judges a scanned code locally, against the trust bundle, and returns the check-in's verdict string.
/// Formats without a verifier yet stay <c>unverified</c>; a stale or missing bundle is never a green.
/// </summary>
public sealed class CodeVerifier(KioskTrust trust, TimeProvider time)
{
    public string Verify(string text, string format)
    {
        if (format is not (CodeFormats.Dcc or CodeFormats.DeclarationPass or CodeFormats.SmartHealthCard) || !trust.HasAnchor)
        {
            return ContractVerdicts.Unverified;
        }

        var now = time.GetUtcNow();
        if (trust.Bundle is not { } bundle)
        {
            return ContractVerdicts.Unverifiable(EngineCodes.NoTrust);
        }

        var stale = format switch
        {
            CodeFormats.Dcc => bundle.IsDscStale(now),
            CodeFormats.SmartHealthCard => bundle.IsShcIssuersStale(now),
            _ => bundle.IsDeclarationSignersStale(now),
        };
        if (stale)
        {
            return ContractVerdicts.Unverifiable(EngineCodes.TrustStale);
        }

        var verdict = format switch
        {
            CodeFormats.Dcc => DccVerifier.Verify(text, bundle.Dsc, now).Verdict,
            CodeFormats.SmartHealthCard => ShcVerifier.Verify(text, bundle.ShcIssuers, now).Verdict,
            _ => DeclarationVerifier.Verify(text, bundle.DeclarationSigners, now).Verdict,
        };
        return verdict switch
        {
            Verdict.Accepted => ContractVerdicts.Accepted,
            Verdict.Rejected r => ContractVerdicts.Rejected(r.Code),
            Verdict.Unverifiable u => ContractVerdicts.Unverifiable(u.Code),
            _ => ContractVerdicts.Unverifiable(EngineCodes.Internal),
        };
    }
}
