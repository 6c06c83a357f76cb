using System.Security.Cryptography;

namespace ScanPoint.Credentials.Trust;

/// <summary>
/// The national trust anchor's public key (P-256), pinned on the kiosk at provisioning. It signs trust bundles;
/// the fleet server only distributes them and cannot forge one.
/// </summary>
public sealed class TrustAnchor : IDisposable
{
    private TrustAnchor(ECDsa key) => Key = key;

    public ECDsa Key { get; }

    /// <summary>First 8 bytes of SHA-256 of the SubjectPublicKeyInfo: the key id in a bundle's protected header.</summary>
    public byte[] KeyId => SHA256.HashData(Key.ExportSubjectPublicKeyInfo())[..8];

    /// <summary>From a PEM <c>PUBLIC KEY</c> (or a private key, for the signing side).</summary>
    public static TrustAnchor FromPem(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch
        {
            key.Dispose();
            throw;
        }

        return key.KeySize == 256
            ? new TrustAnchor(key)
            : throw new CryptographicException($"the trust anchor must be a P-256 key, not {key.KeySize} bits");
    }

    public static TrustAnchor Create() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public string PublicKeyPem() => Key.ExportSubjectPublicKeyInfoPem();

    public string PrivateKeyPem() => Key.ExportPkcs8PrivateKeyPem();

    public void Dispose() => Key.Dispose();
}
