using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ScanPoint.Credentials.VdsNc;

/// <summary>
/// The configured Country Signing CAs (CSCA) a VDS-NC signer certificate must chain to. Built from DER certificates;
/// inputs that do not parse are counted in <see cref="RejectedCount"/>.
/// </summary>
public sealed class VdsNcTrust
{
    private readonly X509Certificate2[] _cscas;

    private VdsNcTrust(X509Certificate2[] cscas, int rejectedCount)
    {
        _cscas = cscas;
        RejectedCount = rejectedCount;
    }

    public static VdsNcTrust Empty { get; } = new([], 0);

    public int Count => _cscas.Length;

    /// <summary>How many inputs were not valid X.509 certificates and were left out.</summary>
    public int RejectedCount { get; }

    public static VdsNcTrust FromDer(IEnumerable<byte[]> derCertificates)
    {
        var parsed = new List<X509Certificate2>();
        var rejected = 0;
        foreach (var der in derCertificates)
        {
            try
            {
                parsed.Add(X509CertificateLoader.LoadCertificate(der));
            }
            catch (CryptographicException)
            {
                rejected++;
            }
        }

        return new VdsNcTrust([.. parsed], rejected);
    }

    /// <summary>
    /// The CSCA that issued <paramref name="signer"/>: issuer name equals the CSCA subject, the signature verifies with
    /// the CSCA key, and the signer's validity starts inside the CSCA's (issued while the CSCA was valid).
    /// </summary>
    internal X509Certificate2? FindIssuer(X509Certificate2 signer)
    {
        foreach (var csca in _cscas)
        {
            var sameName = signer.IssuerName.RawData.AsSpan().SequenceEqual(csca.SubjectName.RawData)
                || string.Equals(signer.IssuerName.Name, csca.SubjectName.Name, StringComparison.OrdinalIgnoreCase);
            if (sameName && signer.NotBefore >= csca.NotBefore && signer.NotBefore <= csca.NotAfter
                && CertificateSignature.IsSignedBy(signer, csca))
            {
                return csca;
            }
        }

        return null;
    }
}
