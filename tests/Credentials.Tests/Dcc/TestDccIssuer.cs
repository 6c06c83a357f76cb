using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Security.Cryptography.X509Certificates;
using ScanPoint.Credentials.Dcc;

namespace ScanPoint.Credentials.Tests.Dcc;

/// <summary>Mints HC1 codes with a test DSC (ES256, key generated at test time).</summary>
public sealed class TestDccIssuer : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestDccIssuer(DateTimeOffset notBefore, DateTimeOffset notAfter, params string[] keyUsageOids)
    {
        var request = new CertificateRequest("CN=Test DSC, C=VN", _key, HashAlgorithmName.SHA256);
        if (keyUsageOids.Length > 0)
        {
            var oids = new OidCollection();
            foreach (var oid in keyUsageOids)
            {
                oids.Add(new Oid(oid));
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, critical: false));
        }

        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        Der = certificate.RawData;
        Kid = SHA256.HashData(Der)[..8];
    }

    public byte[] Der { get; }

    public byte[] Kid { get; }

    /// <summary>A minimal vaccination payload (entry type "v" unless <paramref name="entryType"/> says otherwise).</summary>
    public static byte[] Claims(DateTimeOffset iat, DateTimeOffset exp, string entryType = "v")
    {
        var writer = new CborWriter();
        writer.WriteStartMap(4);
        writer.WriteInt32(1);
        writer.WriteTextString("VN");
        writer.WriteInt32(6);
        writer.WriteInt64(iat.ToUnixTimeSeconds());
        writer.WriteInt32(4);
        writer.WriteInt64(exp.ToUnixTimeSeconds());
        writer.WriteInt32(-260);
        writer.WriteStartMap(1);
        writer.WriteInt32(1);
        writer.WriteStartMap(3);
        writer.WriteTextString("ver");
        writer.WriteTextString("1.3.0");
        writer.WriteTextString("nam");
        writer.WriteStartMap(1);
        writer.WriteTextString("fnt");
        writer.WriteTextString("NGUYEN");
        writer.WriteEndMap();
        writer.WriteTextString(entryType);
        writer.WriteStartArray(1);
        writer.WriteStartMap(1);
        writer.WriteTextString("dn");
        writer.WriteInt32(2);
        writer.WriteEndMap();
        writer.WriteEndArray();
        writer.WriteEndMap();
        writer.WriteEndMap();
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>COSE_Sign1 over <paramref name="claims"/>, tagged 18, optionally wrapped in CWT tag 61.</summary>
    public byte[] SignCose(byte[] claims, byte[]? kid = null, bool cwtTag = false)
    {
        var protectedHeaders = new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(kid ?? Kid) };
        var signer = new CoseSigner(_key, HashAlgorithmName.SHA256, protectedHeaders);
        var cose = CoseSign1Message.SignEmbedded(claims, signer);
        if (!cwtTag)
        {
            return cose;
        }

        var writer = new CborWriter();
        writer.WriteTag((CborTag)61);
        writer.WriteEncodedValue(cose);
        return writer.Encode();
    }

    public string Issue(byte[] claims, byte[]? kid = null, bool cwtTag = false) => ToQr(SignCose(claims, kid, cwtTag));

    public static string ToQr(byte[] cose) => PrefixStage.Prefix + Base45.Encode(ZlibStageTests.Compress(cose));

    public void Dispose() => _key.Dispose();
}
