using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ScanPoint.FleetServer.Relay;

/// <summary>
/// Mutual TLS to the national backend: the fleet's client certificate (PEM with its key, PEM plus a key file, or
/// PKCS#12) and, when <see cref="RelayOptions.CaCertificatePath"/> is set, the one CA the backend's certificate must
/// chain to.
/// </summary>
internal static class RelayTls
{
    /// <summary>Applies the relay's certificates to <paramref name="ssl"/>; logs what it loaded.</summary>
    public static void Configure(SslClientAuthenticationOptions ssl, RelayOptions relay, ILogger logger)
    {
        if (relay.ClientCertificatePath.Length > 0)
        {
            var client = LoadClientCertificate(relay);
            ssl.ClientCertificates = [client];
            Log.RelayClientCertificate(logger, client.Subject, client.Thumbprint, client.NotAfter.ToUniversalTime());
        }

        if (relay.CaCertificatePath.Length > 0)
        {
            var ca = LoadCertificate(relay.CaCertificatePath);
            Log.RelayPinnedCa(logger, ca.Subject, ca.Thumbprint);
            ssl.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            {
                var trusted = ChainsTo(ca, certificate, chain, errors);
                if (!trusted)
                {
                    Log.RelayBackendCertificateRefused(logger, errors.ToString(), certificate?.Subject ?? "no certificate");
                }

                return trusted;
            };
        }
    }

    /// <summary>
    /// True when the backend's certificate names the host (no name mismatch), and chains to <paramref name="ca"/> alone,
    /// whatever the machine's roots say.
    /// </summary>
    internal static bool ChainsTo(X509Certificate2 ca, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        // The certificate belongs to the TLS stream: read it, do not dispose it.
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(leaf);
    }

    private static X509Certificate2 LoadClientCertificate(RelayOptions relay)
    {
        var path = relay.ClientCertificatePath;
        var password = relay.ClientCertificatePassword.Length > 0 ? relay.ClientCertificatePassword : null;
        if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }

        var keyPath = relay.ClientKeyPath.Length > 0 ? relay.ClientKeyPath : null;
        using var pem = password is null
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        if (!pem.HasPrivateKey)
        {
            throw new InvalidOperationException($"Relay:ClientCertificatePath '{path}' has no private key (put it in the file or in Relay:ClientKeyPath)");
        }

        // TLS wants a key it can keep: re-import through PKCS#12 rather than keep the ephemeral PEM key.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    private static X509Certificate2 LoadCertificate(string path)
    {
        var text = File.ReadAllText(path);
        return text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPem(text)
            : X509CertificateLoader.LoadCertificateFromFile(path);
    }
}
