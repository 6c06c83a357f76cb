using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Shc;

/// <summary>
/// Stage 7: time and revocation. <c>nbf</c> after now: NBF; <c>exp</c> (when set) at or before now: EXP; the
/// <c>vc.rid</c> listed on the signing key's CRL for a credential issued at or before the entry's timestamp: REVOKED.
/// There is no clock-skew allowance here.
/// </summary>
public static class ShcValidityStage
{
    public static StageResult<ShcClaims> TryCheck(ShcClaims claims, ShcIssuerKey key, DateTimeOffset now)
    {
        if (claims.NotBefore > now)
        {
            return StageResult<ShcClaims>.Reject(VerdictCodes.NotBefore);
        }

        if (claims.Expires is { } exp && exp <= now)
        {
            return StageResult<ShcClaims>.Reject(VerdictCodes.Expired);
        }

        if (claims.Rid is { } rid && key.Revocations is { } crl && crl.IsRevoked(rid, claims.NotBefore))
        {
            return StageResult<ShcClaims>.Reject(VerdictCodes.Revoked);
        }

        return StageResult<ShcClaims>.Ok(claims);
    }
}
