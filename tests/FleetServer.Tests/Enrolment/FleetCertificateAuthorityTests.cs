using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Enrolment;

public sealed class FleetCertificateAuthorityTests : IDisposable
{
    private static readonly DeviceName Kiosk = new("kiosk-7", "HN", "hoan-kiem");
    private readonly TempDirectory _dir = new("fleet-ca");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_device_certificate_names_the_device_chains_to_the_ca_and_carries_the_csr_key()
    {
        using var ca = FleetCertificateAuthority.LoadOrCreate(_dir.Path, "test", _time);
        using var deviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var certificate = ca.IssueDeviceCertificate(Csr(deviceKey, "CN=whatever-the-device-asks"), Kiosk, _time.GetUtcNow(), TimeSpan.FromDays(7));

        Assert.True(DeviceName.TryRead(certificate, out var name));
        Assert.Equal(Kiosk, name);
        Assert.Equal(_time.GetUtcNow().AddDays(7), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
        Assert.Equal(deviceKey.ExportSubjectPublicKeyInfo(), certificate.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo());
        var usage = Assert.Single(certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal("1.3.6.1.5.5.7.3.2", Assert.Single(usage.EnhancedKeyUsages.Cast<Oid>()).Value);
        Assert.True(Chains(certificate, ca.Certificate, _time.GetUtcNow()));
    }

    [Fact]
    public void The_ca_survives_a_restart_with_its_key_private_to_the_service()
    {
        string fingerprint;
        using (var first = FleetCertificateAuthority.LoadOrCreate(_dir.Path, "test", _time))
        {
            fingerprint = first.Fingerprint;
        }

        using var again = FleetCertificateAuthority.LoadOrCreate(_dir.Path, "test", _time);
        using var deviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = again.IssueDeviceCertificate(Csr(deviceKey), Kiosk, _time.GetUtcNow(), TimeSpan.FromDays(7));

        Assert.Equal(fingerprint, again.Fingerprint);
        Assert.True(Chains(certificate, again.Certificate, _time.GetUtcNow()));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.File(FleetCertificateAuthority.KeyFileName)));
    }

    [Fact]
    public void Certificates_from_another_ca_or_past_their_lifetime_do_not_chain()
    {
        using var ca = FleetCertificateAuthority.LoadOrCreate(_dir.File("a"), "a", _time);
        using var other = FleetCertificateAuthority.LoadOrCreate(_dir.File("b"), "b", _time);
        using var deviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = ca.IssueDeviceCertificate(Csr(deviceKey), Kiosk, _time.GetUtcNow(), TimeSpan.FromDays(7));

        Assert.False(Chains(certificate, other.Certificate, _time.GetUtcNow()));
        Assert.False(Chains(certificate, ca.Certificate, _time.GetUtcNow().AddDays(8)));
    }

    [Fact]
    public void Csrs_that_are_forged_malformed_or_not_p256_are_refused()
    {
        using var ca = FleetCertificateAuthority.LoadOrCreate(_dir.Path, "test", _time);
        using var deviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var rsa = RSA.Create(2048);
        var der = new CertificateRequest("CN=x", deviceKey, HashAlgorithmName.SHA256).CreateSigningRequest();
        der[^5] ^= 0x01; // break the signature
        var forged = PemEncoding.WriteString("CERTIFICATE REQUEST", der);
        var rsaCsr = new CertificateRequest("CN=x", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequestPem();

        foreach (var csr in new[] { forged, "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----", Csr(p384), rsaCsr })
        {
            Assert.ThrowsAny<CryptographicException>(() => ca.IssueDeviceCertificate(csr, Kiosk, _time.GetUtcNow(), TimeSpan.FromDays(7)));
        }
    }

    [Fact]
    public void The_server_certificate_covers_its_names_and_has_its_private_key()
    {
        using var ca = FleetCertificateAuthority.LoadOrCreate(_dir.Path, "test", _time);

        using var server = ca.IssueServerCertificate(["fleet.example", "127.0.0.1"], _time.GetUtcNow(), TimeSpan.FromDays(90));

        Assert.True(server.HasPrivateKey);
        Assert.True(server.MatchesHostname("fleet.example"));
        Assert.True(server.MatchesHostname("127.0.0.1"));
        Assert.True(Chains(server, ca.Certificate, _time.GetUtcNow()));
    }

    private static string Csr(ECDsa key, string subject = "CN=kiosk") =>
        new CertificateRequest(subject, key, HashAlgorithmName.SHA256).CreateSigningRequestPem();

    private static bool Chains(X509Certificate2 certificate, X509Certificate2 root, DateTimeOffset at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        return chain.Build(certificate);
    }
}
