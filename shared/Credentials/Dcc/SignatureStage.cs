using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ScanPoint.Credentials.Cbor;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>
/// Stage 6: finds the DSCs that carry the kid and verifies the COSE signature with each until one succeeds.
/// No DSC for the kid: Unverifiable(KID). DSCs found but none verifies: Rejected(SIG).
/// </summary>
public static class SignatureStage
{
    public static StageResult<DscCertificate> TryVerify(CoseEnvelope envelope, DscTrustList trust)
    {
        var candidates = envelope.Kid is { } kid ? trust.Find(kid) : [];
        if (candidates.Count == 0)
        {
            return StageResult<DscCertificate>.Unverifiable(VerdictCodes.Kid);
        }

        foreach (var dsc in candidates)
        {
            if (Verifies(envelope, dsc))
            {
                return StageResult<DscCertificate>.Ok(dsc);
            }
        }

        return StageResult<DscCertificate>.Reject(VerdictCodes.Signature);
    }

    private static bool Verifies(CoseEnvelope envelope, DscCertificate dsc)
    {
        try
        {
            using AsymmetricAlgorithm? key = envelope.Algorithm switch
            {
                CoseEnvelope.Es256 => dsc.Certificate.GetECDsaPublicKey(),
                CoseEnvelope.Ps256 => dsc.Certificate.GetRSAPublicKey(),
                _ => null,
            };
            if (key is null)
            {
                return false;
            }

            if (envelope.Message is { } message && envelope.AlgorithmProtected)
            {
                return message.VerifyEmbedded(key);
            }

            var toBeSigned = SigStructure.Build(envelope.ProtectedBytes, envelope.Payload);
            return key switch
            {
                ECDsa ecdsa => SigStructure.VerifyEs256(ecdsa, toBeSigned, envelope.Signature),
                RSA rsa => SigStructure.VerifyPs256(rsa, toBeSigned, envelope.Signature),
                _ => false,
            };
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }
}
