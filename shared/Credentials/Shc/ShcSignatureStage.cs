using System.Security.Cryptography;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Shc;

/// <summary>
/// Stage 6: the issuer and its key. <c>iss</c> not on the allow-list: Unverifiable(ISSUER); the issuer has no key
/// with the header's kid: Unverifiable(KID); the ES256 signature (r‖s) over the signing input fails: Rejected(SIG).
/// </summary>
public static class ShcSignatureStage
{
    private const int Es256SignatureBytes = 64;

    public static StageResult<ShcIssuerKey> TryVerify(CompactJws jws, ShcClaims claims, ShcIssuerList issuers)
    {
        if (!issuers.Contains(claims.Issuer))
        {
            return StageResult<ShcIssuerKey>.Unverifiable(VerdictCodes.Issuer);
        }

        if (issuers.Find(claims.Issuer, jws.Kid) is not { } key)
        {
            return StageResult<ShcIssuerKey>.Unverifiable(VerdictCodes.Kid);
        }

        return Verifies(jws, key)
            ? StageResult<ShcIssuerKey>.Ok(key)
            : StageResult<ShcIssuerKey>.Reject(VerdictCodes.Signature);
    }

    private static bool Verifies(CompactJws jws, ShcIssuerKey key)
    {
        if (jws.Signature.Length != Es256SignatureBytes)
        {
            return false;
        }

        try
        {
            using var ecdsa = key.CreateECDsa();
            return ecdsa.VerifyData(jws.SigningInput, jws.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
