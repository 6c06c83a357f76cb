using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ScanPoint.Credentials.Trust;

/// <summary>
/// One document signer certificate (DSC): its key id (first 8 bytes of SHA-256 over the DER), validity window,
/// and the DCC types its extended key usage allows.
/// </summary>
public sealed class DscCertificate
{
    private static readonly Dictionary<string, char> DccKeyUsages = new(StringComparer.Ordinal)
    {
        ["1.3.6.1.4.1.1847.2021.1.1"] = 't',
        ["1.3.6.1.4.1.1847.2021.1.2"] = 'v',
        ["1.3.6.1.4.1.1847.2021.1.3"] = 'r',
        ["1.3.6.1.4.1.0.1847.2021.1.1"] = 't',
        ["1.3.6.1.4.1.0.1847.2021.1.2"] = 'v',
        ["1.3.6.1.4.1.0.1847.2021.1.3"] = 'r',
    };

    private DscCertificate(X509Certificate2 certificate, byte[] sha256, IReadOnlySet<char>? allowedTypes)
    {
        Certificate = certificate;
        Sha256 = sha256;
        Kid = sha256.AsMemory(0, 8);
        AllowedTypes = allowedTypes;
    }

    /// <summary>First 8 bytes of SHA-256 over the certificate's DER.</summary>
    public ReadOnlyMemory<byte> Kid { get; }

    /// <summary>SHA-256 over the certificate's DER.</summary>
    public ReadOnlyMemory<byte> Sha256 { get; }

    public DateTimeOffset NotBefore => Certificate.NotBefore.ToUniversalTime();

    public DateTimeOffset NotAfter => Certificate.NotAfter.ToUniversalTime();

    /// <summary>DCC types ('t', 'v', 'r') the DSC may sign; null when it carries no DCC key-usage OID (all types).</summary>
    public IReadOnlySet<char>? AllowedTypes { get; }

    internal X509Certificate2 Certificate { get; }

    /// <summary>Parses a DER certificate; null when it is not a valid X.509 certificate.</summary>
    public static DscCertificate? TryCreate(byte[] der)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadCertificate(der);
            return new DscCertificate(certificate, SHA256.HashData(der), ReadAllowedTypes(certificate));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>True when the certificate lists <paramref name="oid"/> among its extended key usages.</summary>
    public bool HasKeyUsage(string oid) =>
        Certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Any(e => e.EnhancedKeyUsages.Cast<Oid>().Any(u => u.Value == oid));

    /// <summary>True when the DSC may sign a certificate holding exactly these entry types.</summary>
    public bool MaySign(IReadOnlyList<char> entryTypes) =>
        AllowedTypes is null || (entryTypes.Count > 0 && entryTypes.All(AllowedTypes.Contains));

    private static HashSet<char>? ReadAllowedTypes(X509Certificate2 certificate)
    {
        var allowed = new HashSet<char>();
        foreach (var extension in certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>())
        {
            foreach (var oid in extension.EnhancedKeyUsages)
            {
                if (oid.Value is { } value && DccKeyUsages.TryGetValue(value, out var type))
                {
                    allowed.Add(type);
                }
            }
        }

        return allowed.Count == 0 ? null : allowed;
    }
}
