using System.Security.Cryptography.X509Certificates;

namespace ScanPoint.FleetServer.Enrolment;

/// <summary>
/// The fleet's TLS material for one run: its CA (loaded or created in <see cref="EnrolmentOptions.CaDir"/>) and a
/// server certificate for <see cref="EnrolmentOptions.HostNames"/> issued by it at start, used by both the HTTPS
/// endpoint and the broker's TLS endpoint. Device certificates are checked against the same CA.
/// </summary>
public sealed class FleetTls : IDisposable
{
    private static readonly TimeSpan ServerCertificateLifetime = TimeSpan.FromDays(90);
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private FleetTls(FleetCertificateAuthority ca, X509Certificate2 serverCertificate, TimeProvider time) =>
        (Ca, ServerCertificate, _time) = (ca, serverCertificate, time);

    private readonly TimeProvider _time;

    public FleetCertificateAuthority Ca { get; }

    public X509Certificate2 ServerCertificate { get; }

    public static FleetTls Load(EnrolmentOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ca = FleetCertificateAuthority.LoadOrCreate(options.CaDir, options.FleetName, time);
        return new FleetTls(ca, ca.IssueServerCertificate(options.HostNames, time.GetUtcNow(), ServerCertificateLifetime), time);
    }

    /// <summary>True when <paramref name="certificate"/> is a current client certificate issued by this fleet's CA.</summary>
    public bool IsDeviceCertificate(X509Certificate2? certificate)
    {
        if (certificate is null || !certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
                .Any(e => e.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Any(o => o.Value == ClientAuthentication)))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Ca.Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // revocation is the device registry's job
        chain.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        ServerCertificate.Dispose();
        Ca.Dispose();
    }
}
