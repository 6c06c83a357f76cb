using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.VdsNc;

/// <summary>
/// Stage 2: the seal's ECDSA signature (raw r‖s, IEEE P1363) over JCS(<c>data</c>) with the key of its own signer
/// certificate. ES256/ES384/ES512 only (else Unverifiable(ALG)); a signature that does not verify: Rejected(SIG).
/// </summary>
internal static class VdsNcSignatureStage
{
    public static StageResult<VdsNcSeal> TryVerify(VdsNcSeal seal)
    {
        HashAlgorithmName? hash = seal.Algorithm switch
        {
            "ES256" => HashAlgorithmName.SHA256,
            "ES384" => HashAlgorithmName.SHA384,
            "ES512" => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (hash is not { } hashName)
        {
            return StageResult<VdsNcSeal>.Unverifiable(VerdictCodes.Algorithm);
        }

        try
        {
            using var key = seal.Signer.GetECDsaPublicKey();
            var valid = key is not null
                && key.VerifyData(seal.Canonical, seal.Signature, hashName, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            return valid ? StageResult<VdsNcSeal>.Ok(seal) : StageResult<VdsNcSeal>.Reject(VerdictCodes.Signature);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or NotSupportedException)
        {
            return StageResult<VdsNcSeal>.Reject(VerdictCodes.Signature);
        }
    }
}
