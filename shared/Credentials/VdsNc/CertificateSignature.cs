using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ScanPoint.Credentials.VdsNc;

/// <summary>
/// Checks that a certificate was signed by an issuer's key, without building a platform chain (no network, no
/// store): ECDSA with SHA-256/384/512, RSA PKCS#1 v1.5 with SHA-256/384/512, RSASSA-PSS with SHA-256/384/512 and
/// salt length = hash length. Any other algorithm, or a malformed certificate, does not verify.
/// </summary>
internal static class CertificateSignature
{
    private const string RsaPss = "1.2.840.113549.1.1.10";

    public static bool IsSignedBy(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        try
        {
            var reader = new AsnReader(certificate.RawData, AsnEncodingRules.DER);
            var outer = reader.ReadSequence();
            var toBeSigned = outer.ReadEncodedValue();
            var algorithm = outer.ReadSequence();
            var oid = algorithm.ReadObjectIdentifier();
            ReadOnlyMemory<byte>? parameters = algorithm.HasData ? algorithm.ReadEncodedValue() : null;
            var signature = outer.ReadBitString(out var unusedBits);
            if (unusedBits != 0 || outer.HasData || reader.HasData)
            {
                return false;
            }

            return oid switch
            {
                "1.2.840.10045.4.3.2" => VerifyEcdsa(issuer, toBeSigned, signature, HashAlgorithmName.SHA256),
                "1.2.840.10045.4.3.3" => VerifyEcdsa(issuer, toBeSigned, signature, HashAlgorithmName.SHA384),
                "1.2.840.10045.4.3.4" => VerifyEcdsa(issuer, toBeSigned, signature, HashAlgorithmName.SHA512),
                "1.2.840.113549.1.1.11" => VerifyRsa(issuer, toBeSigned, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                "1.2.840.113549.1.1.12" => VerifyRsa(issuer, toBeSigned, signature, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
                "1.2.840.113549.1.1.13" => VerifyRsa(issuer, toBeSigned, signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
                RsaPss when PssHash(parameters) is { } hash => VerifyRsa(issuer, toBeSigned, signature, hash, RSASignaturePadding.Pss),
                _ => false,
            };
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static bool VerifyEcdsa(X509Certificate2 issuer, ReadOnlyMemory<byte> data, byte[] signature, HashAlgorithmName hash)
    {
        using var key = issuer.GetECDsaPublicKey();
        return key is not null && key.VerifyData(data.Span, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static bool VerifyRsa(X509Certificate2 issuer, ReadOnlyMemory<byte> data, byte[] signature, HashAlgorithmName hash, RSASignaturePadding padding)
    {
        using var key = issuer.GetRSAPublicKey();
        return key is not null && key.VerifyData(data.Span, signature, hash, padding);
    }

    /// <summary>The hash of RSASSA-PSS parameters when .NET can check them (MGF1 with the same hash, salt = hash length).</summary>
    private static HashAlgorithmName? PssHash(ReadOnlyMemory<byte>? parameters)
    {
        if (parameters is not { } encoded)
        {
            return null;
        }

        var sequence = new AsnReader(encoded, AsnEncodingRules.DER).ReadSequence();
        var hashTag = new Asn1Tag(TagClass.ContextSpecific, 0);
        if (!sequence.HasData || !sequence.PeekTag().HasSameClassAndValue(hashTag))
        {
            return null; // default SHA-1: refused
        }

        var hashOid = sequence.ReadSequence(hashTag).ReadSequence().ReadObjectIdentifier();
        (HashAlgorithmName Name, int Length)? hash = hashOid switch
        {
            "2.16.840.1.101.3.4.2.1" => (HashAlgorithmName.SHA256, 32),
            "2.16.840.1.101.3.4.2.2" => (HashAlgorithmName.SHA384, 48),
            "2.16.840.1.101.3.4.2.3" => (HashAlgorithmName.SHA512, 64),
            _ => null,
        };
        if (hash is null)
        {
            return null;
        }

        var saltTag = new Asn1Tag(TagClass.ContextSpecific, 2);
        while (sequence.HasData)
        {
            var tag = sequence.PeekTag();
            if (tag.HasSameClassAndValue(saltTag))
            {
                var salt = sequence.ReadSequence(saltTag).ReadInteger();
                return salt == hash.Value.Length ? hash.Value.Name : null;
            }

            sequence.ReadEncodedValue();
        }

        return null; // default salt 20 ≠ hash length
    }
}
