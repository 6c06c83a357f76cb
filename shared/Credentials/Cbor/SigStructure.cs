using System.Formats.Cbor;
using System.Security.Cryptography;

namespace ScanPoint.Credentials.Cbor;

/// <summary>
/// COSE_Sign1 verification by hand (RFC 9052 §4.4): Sig_structure = ["Signature1", protected, h'', payload].
/// Used only where the platform verifier refuses the message (alg not in the protected bucket).
/// </summary>
internal static class SigStructure
{
    public static byte[] Build(byte[] protectedBytes, byte[] payload)
    {
        var writer = new CborWriter(CborConformanceMode.Strict);
        writer.WriteStartArray(4);
        writer.WriteTextString("Signature1");
        writer.WriteByteString(protectedBytes);
        writer.WriteByteString([]);
        writer.WriteByteString(payload);
        writer.WriteEndArray();
        return writer.Encode();
    }

    public static bool VerifyEs256(ECDsa key, byte[] toBeSigned, byte[] signature) =>
        key.VerifyData(toBeSigned, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public static bool VerifyPs256(RSA key, byte[] toBeSigned, byte[] signature) =>
        key.VerifyData(toBeSigned, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
}
