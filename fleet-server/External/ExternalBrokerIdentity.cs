using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ScanPoint.FleetServer.Enrolment;

namespace ScanPoint.FleetServer.External;

/// <summary>
/// How the fleet server proves itself to the external broker and checks the broker: a client certificate with
/// CN=<see cref="UserName"/> issued by the fleet CA (Mosquitto's <c>use_identity_as_username</c> makes that the user the
/// ACL grants every topic to), and the CA the broker's server certificate must chain to. No password exists.
/// </summary>
internal sealed class ExternalBrokerIdentity : IDisposable
{
    public const string UserName = "fleet-server";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private ExternalBrokerIdentity(X509Certificate2 clientCertificate, X509Certificate2 brokerCa) =>
        (ClientCertificate, BrokerCa) = (clientCertificate, brokerCa);

    public X509Certificate2 ClientCertificate { get; }

    public X509Certificate2 BrokerCa { get; }

    /// <summary>From the configured files, or issued now from the fleet CA when no client certificate file is configured.</summary>
    public static ExternalBrokerIdentity Load(ExternalBrokerOptions options, FleetCertificateAuthority ca, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ca);
        var client = options.ClientCertificateFile is { } certificateFile
            ? X509Certificate2.CreateFromPemFile(certificateFile, options.ClientKeyFile ?? throw new InvalidOperationException("ExternalBroker:ClientKeyFile must be set with ExternalBroker:ClientCertificateFile"))
            : IssueClientCertificate(ca, time.GetUtcNow());
        var brokerCa = options.CaFile is { } caFile
            ? X509CertificateLoader.LoadCertificate(X509Certificate2.CreateFromPem(File.ReadAllText(caFile)).RawData)
            : X509CertificateLoader.LoadCertificate(ca.Certificate.RawData);
        return new ExternalBrokerIdentity(client, brokerCa);
    }

    /// <summary>The fleet server's client certificate (CN=fleet-server, clientAuth) for the external broker.</summary>
    public static X509Certificate2 IssueClientCertificate(FleetCertificateAuthority ca, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ca);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var issued = ca.IssueDeviceCertificate(key, new DeviceName(UserName, "fleet", UserName), now, Lifetime);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>True when the broker's certificate chains to <see cref="BrokerCa"/>.</summary>
    public bool IsBrokerCertificate(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(BrokerCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server);
    }

    public void Dispose()
    {
        ClientCertificate.Dispose();
        BrokerCa.Dispose();
    }
}
