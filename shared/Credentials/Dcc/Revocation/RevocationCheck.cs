using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc.Revocation;

/// <summary>
/// Stage after the signature: is any UCI, COUNTRYCODEUCI or SIGNATURE hash of the certificate on the list
/// (for every signer or for the certificate's kid)? Revoked: Rejected(REVOKED).
/// </summary>
public static class RevocationCheck
{
    private static readonly RevocationHashType[] Types =
        [RevocationHashType.Uci, RevocationHashType.CountryCodeUci, RevocationHashType.Signature];

    /// <summary>True when the list holds one of the certificate's revocation hashes.</summary>
    public static bool IsRevoked(CoseEnvelope envelope, DccClaims claims, RevocationList list)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(list);
        if (list.Count == 0)
        {
            return false;
        }

        var kid = envelope.Kid ?? [];
        foreach (var type in Types)
        {
            foreach (var key in RevocationHash.Compute(type, envelope, claims))
            {
                if (list.Contains(type, key, kid))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The stage form: the claims when not revoked, else Rejected(REVOKED).</summary>
    public static StageResult<DccClaims> TryCheck(CoseEnvelope envelope, DccClaims claims, RevocationList list) =>
        IsRevoked(envelope, claims, list)
            ? StageResult<DccClaims>.Reject(VerdictCodes.Revoked)
            : StageResult<DccClaims>.Ok(claims);
}
