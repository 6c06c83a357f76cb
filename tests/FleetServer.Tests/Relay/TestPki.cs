using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Relay;

/// <summary>
/// A throw-away PKI in a temp folder, as PEM files: a CA, a server certificate for 127.0.0.1 and a client
/// certificate issued by it, and a second, unrelated CA with a client certificate of its own.
/// </summary>
internal sealed class TestPki : IDisposable
{
    private readonly TempDirectory _dir = new("relay-pki");

    public TestPki()
    {
        using var ca = NewCa("CN=National intake test CA");
        using var other = NewCa("CN=Some other CA");
        CaPath = WriteCertificate("ca.pem", ca);
        OtherCaPath = WriteCertificate("other-ca.pem", other);
        (ServerCertificatePath, ServerKeyPath) = Issue(ca, "server", "CN=127.0.0.1", server: true);
        (ClientCertificatePath, ClientKeyPath) = Issue(ca, "client", "CN=scanpoint-fleet", server: false);
        (StrangerCertificatePath, StrangerKeyPath) = Issue(other, "stranger", "CN=stranger", server: false);
    }

    public string CaPath { get; }

    public string OtherCaPath { get; }

    public string ServerCertificatePath { get; }

    public string ServerKeyPath { get; }

    public string ClientCertificatePath { get; }

    public string ClientKeyPath { get; }

    public string StrangerCertificatePath { get; }

    public string StrangerKeyPath { get; }

    /// <summary>The receiver's arguments: HTTPS with the server certificate, client certificates of the CA required.</summary>
    public string[] ReceiverArgs =>
        [$"--Receiver:CertificatePath={ServerCertificatePath}", $"--Receiver:KeyPath={ServerKeyPath}", $"--Receiver:ClientCaPath={CaPath}"];

    public void Dispose() => _dir.Dispose();

    private static X509Certificate2 NewCa(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    private (string Certificate, string Key) Issue(X509Certificate2 ca, string name, string subject, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(12));
        var certificate = WriteCertificate($"{name}.pem", issued);
        var keyPath = _dir.File($"{name}.key");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificate, keyPath);
    }

    private string WriteCertificate(string name, X509Certificate2 certificate)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }
}
