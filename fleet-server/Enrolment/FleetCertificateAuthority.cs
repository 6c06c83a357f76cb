using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ScanPoint.Contracts.Devices;

namespace ScanPoint.FleetServer.Enrolment;

/// <summary>
/// The fleet's own certificate authority: a P-256 key and a self-signed CA certificate kept in a directory
/// (<c>ca.key.pem</c> mode 0600, <c>ca.pem</c>). It signs short-lived device certificates from the devices' CSRs
/// (the private key never leaves the kiosk) and the server certificate of the broker and API endpoints. It is not the
/// national trust anchor: it cannot sign trust bundles, only say which devices belong to this fleet.
/// </summary>
public sealed class FleetCertificateAuthority : IDisposable
{
    public const string KeyFileName = "ca.key.pem";
    public const string CertificateFileName = "ca.pem";

    private static readonly TimeSpan ClockAllowance = TimeSpan.FromMinutes(5);
    private readonly ECDsa _key;

    private FleetCertificateAuthority(ECDsa key, X509Certificate2 certificate) => (_key, Certificate) = (key, certificate);

    /// <summary>The CA certificate (public): kiosks and the broker trust device and server certificates chained to it.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>SHA-256 of the CA certificate, base64url: the pin an enrolment code carries.</summary>
    public string Fingerprint => EnrolmentTicket.PinOf(Certificate);

    /// <summary>
    /// Loads the CA from <paramref name="directory"/>, creating it (10 years) on first use. Creation is atomic (made in
    /// a sibling folder, then renamed), so processes starting together end up with the same CA.
    /// </summary>
    public static FleetCertificateAuthority LoadOrCreate(string directory, string fleetName, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        directory = Path.GetFullPath(directory);
        if (!File.Exists(Path.Combine(directory, CertificateFileName)))
        {
            Create(directory, fleetName, time);
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(directory, KeyFileName)));
        return new FleetCertificateAuthority(key, X509CertificateLoader.LoadCertificate(File.ReadAllBytes(Path.Combine(directory, CertificateFileName))));
    }

    private static void Create(string directory, string fleetName, TimeProvider time)
    {
        var parent = Path.GetDirectoryName(directory)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(directory)}.{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest($"CN=ScanPoint fleet CA {fleetName}", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            var now = time.GetUtcNow();
            using var certificate = request.CreateSelfSigned(now - ClockAllowance, now.AddYears(10));
            WritePrivate(Path.Combine(staging, KeyFileName), key.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(Path.Combine(staging, CertificateFileName), certificate.ExportCertificatePem());
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory); // an empty folder someone made for us
            }

            Directory.Move(staging, directory);
        }
        catch (IOException) when (File.Exists(Path.Combine(directory, CertificateFileName)))
        {
            // another process created the CA first: use theirs
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>
    /// The public key of a device CSR, after checking that its signature proves the device holds the key and that the
    /// key is P-256. Throws <see cref="CryptographicException"/> for a CSR that is malformed, badly signed or not P-256.
    /// </summary>
    public static ECDsa ReadCsrKey(string csrPem)
    {
        ArgumentNullException.ThrowIfNull(csrPem);
        if (csrPem.Length > 16 * 1024)
        {
            throw new CryptographicException("device CSR is over 16 KiB");
        }

        var csr = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256);
        var publicKey = csr.PublicKey.GetECDsaPublicKey() ?? throw new CryptographicException("device CSR must carry an EC P-256 key");
        if (publicKey.KeySize != 256)
        {
            publicKey.Dispose();
            throw new CryptographicException($"device CSR key is EC {publicKey.KeySize}-bit; P-256 is required");
        }

        return publicKey;
    }

    /// <summary>Signs a device certificate for a CSR's key (<see cref="ReadCsrKey"/>); the names come from the fleet, never from the CSR.</summary>
    public X509Certificate2 IssueDeviceCertificate(string csrPem, DeviceName device, DateTimeOffset now, TimeSpan lifetime)
    {
        using var publicKey = ReadCsrKey(csrPem);
        return IssueDeviceCertificate(publicKey, device, now, lifetime);
    }

    /// <summary>Signs a device certificate for <paramref name="publicKey"/>.</summary>
    public X509Certificate2 IssueDeviceCertificate(ECDsa publicKey, DeviceName device, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(publicKey);
        var request = new CertificateRequest(device.ToSubject(), publicKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false)); // clientAuth
        return Sign(request, now, lifetime);
    }

    /// <summary>The TLS certificate of the fleet's broker and API endpoints, for the given DNS names and IP addresses.</summary>
    public X509Certificate2 IssueServerCertificate(IEnumerable<string> hostNames, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(hostNames);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var hosts = hostNames.ToList();
        var request = new CertificateRequest($"CN={hosts.FirstOrDefault() ?? "scanpoint-fleet"}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false)); // serverAuth
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            if (System.Net.IPAddress.TryParse(host, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(host);
            }
        }

        request.CertificateExtensions.Add(names.Build());
        using var certificate = Sign(request, now, lifetime);
        return certificate.CopyWithPrivateKey(key);
    }

    public void Dispose()
    {
        _key.Dispose();
        Certificate.Dispose();
    }

    private X509Certificate2 Sign(CertificateRequest request, DateTimeOffset now, TimeSpan lifetime)
    {
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        var notAfter = now + lifetime;
        if (notAfter > Certificate.NotAfter)
        {
            notAfter = Certificate.NotAfter;
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive serial number
        return request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_key), now - ClockAllowance, notAfter, serial);
    }

    private static void WritePrivate(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new FileStream(path, options);
        using var writer = new StreamWriter(file);
        writer.Write(text);
    }
}
