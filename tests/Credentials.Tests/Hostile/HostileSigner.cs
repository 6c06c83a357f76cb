using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ScanPoint.Credentials.Trust;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>A P-256 signer and its self-signed certificate (optional EKUs), generated at test time.</summary>
internal sealed class HostileSigner
{
    private HostileSigner(ECDsa key, byte[] der)
    {
        Key = key;
        Der = der;
        Kid = SHA256.HashData(der)[..8];
    }

    public ECDsa Key { get; }

    public byte[] Der { get; }

    public byte[] Kid { get; }

    public DscTrustList Trust => DscTrustList.FromDer([Der]);

    public static HostileSigner Create(DateTimeOffset notBefore, DateTimeOffset notAfter, params string[] keyUsageOids) =>
        Create(ECDsa.Create(ECCurve.NamedCurves.nistP256), "CN=Hostile DSC, C=VN", notBefore, notAfter, keyUsageOids);

    public static HostileSigner Create(ECDsa key, string subject, DateTimeOffset notBefore, DateTimeOffset notAfter, params string[] keyUsageOids)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
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
        return new HostileSigner(key, certificate.RawData);
    }
}
