using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>
/// Stage 7: time. Requires DSC notBefore ≤ iat ≤ now ≤ exp ≤ DSC notAfter (and nbf ≤ now when present):
/// the DSC must have been valid when the certificate was issued and must cover its whole validity.
/// The certificate's own window is checked first, so an expired code says EXP rather than DSC_TIME.
/// </summary>
public static class ValidityStage
{
    public static StageResult<DccClaims> TryCheck(DccClaims claims, DscCertificate dsc, DateTimeOffset now)
    {
        if (claims.IssuedAt is not { } iat || claims.Expires is not { } exp)
        {
            return StageResult<DccClaims>.Reject(VerdictCodes.Cwt);
        }

        if (iat > now)
        {
            return StageResult<DccClaims>.Reject(VerdictCodes.IssuedAt);
        }

        if (claims.NotBefore is { } nbf && nbf > now)
        {
            return StageResult<DccClaims>.Reject(VerdictCodes.NotBefore);
        }

        if (exp < now)
        {
            return StageResult<DccClaims>.Reject(VerdictCodes.Expired);
        }

        return now < dsc.NotBefore || now > dsc.NotAfter || iat < dsc.NotBefore || exp > dsc.NotAfter
            ? StageResult<DccClaims>.Reject(VerdictCodes.DscTime)
            : StageResult<DccClaims>.Ok(claims);
    }
}
