using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>
/// Stage 7: time. Requires DSC notBefore ≤ iat ≤ now ≤ exp ≤ DSC notAfter (and nbf ≤ now when present):
/// the DSC must have been valid when the certificate was issued and must cover its whole validity.
/// </summary>
public static class ValidityStage
{
    public static StageResult<DccClaims> TryCheck(DccClaims claims, DscCertificate dsc, DateTimeOffset now)
    {
        if (claims.IssuedAt is not { } iat || claims.Expires is not { } exp)
        {
            return StageResult<DccClaims>.Reject(VerdictCodes.Cwt);
        }

        if (now < dsc.NotBefore || now > dsc.NotAfter || iat < dsc.NotBefore || exp > dsc.NotAfter)
        {
            return StageResult<DccClaims>.Reject(VerdictCodes.DscTime);
        }

        if (iat > now)
        {
            return StageResult<DccClaims>.Reject(VerdictCodes.IssuedAt);
        }

        if (claims.NotBefore is { } nbf && nbf > now)
        {
            return StageResult<DccClaims>.Reject(VerdictCodes.NotBefore);
        }

        return exp < now
            ? StageResult<DccClaims>.Reject(VerdictCodes.Expired)
            : StageResult<DccClaims>.Ok(claims);
    }
}
