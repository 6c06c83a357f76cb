using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ScanPoint.Kiosk.Provisioning;

/// <summary>
/// The kiosk's TLS identity in its data directory: <c>device.key.pem</c> (its P-256 key, made on the device, mode
/// 0600), <c>device.pem</c> (its certificate from the fleet CA) and <c>fleet-ca.pem</c> (the CA it pinned).
/// </summary>
public static class DeviceCertificateFiles
{
    public const string KeyFileName = "device.key.pem";
    public const string CertificateFileName = "device.pem";
    public const string CaFileName = "fleet-ca.pem";

    /// <summary>The device key, made once: an existing key is kept so a retried enrolment uses the same one.</summary>
    public static ECDsa LoadOrCreateKey(string dataDir)
    {
        var path = Path.Combine(dataDir, KeyFileName);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }

        Directory.CreateDirectory(dataDir);
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(key.ExportPkcs8PrivateKeyPem()), AtomicFile.OwnerOnly);
        return key;
    }

    /// <summary>True when this data directory holds an enrolled identity (key and certificate).</summary>
    public static bool Exist(string dataDir) =>
        File.Exists(Path.Combine(dataDir, KeyFileName)) && File.Exists(Path.Combine(dataDir, CertificateFileName)) && File.Exists(Path.Combine(dataDir, CaFileName));

    /// <summary>The device certificate with its private key, for TLS client authentication.</summary>
    public static X509Certificate2 LoadClientCertificate(string dataDir) =>
        X509Certificate2.CreateFromPemFile(Path.Combine(dataDir, CertificateFileName), Path.Combine(dataDir, KeyFileName));

    /// <summary>The fleet CA this kiosk pinned at enrolment.</summary>
    public static X509Certificate2 LoadCa(string dataDir) => X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(dataDir, CaFileName)));

    /// <summary>True when a server certificate chains to <paramref name="ca"/> (and only to it).</summary>
    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 ca)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public static void SaveCertificates(string dataDir, string certificatePem, string caPem)
    {
        AtomicFile.Write(Path.Combine(dataDir, CertificateFileName), Encoding.UTF8.GetBytes(certificatePem));
        AtomicFile.Write(Path.Combine(dataDir, CaFileName), Encoding.UTF8.GetBytes(caPem));
    }
}
