using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace ScanPoint.NationalReceiver;

/// <summary>
/// HTTPS for the receiver when <see cref="ReceiverOptions.CertificatePath"/> is set, and mutual TLS when
/// <see cref="ReceiverOptions.ClientCaPath"/> is: a client certificate is required and must chain to that CA alone.
/// </summary>
internal static class ReceiverTls
{
    public static void Configure(ListenOptions listen, ReceiverOptions receiver)
    {
        if (receiver.CertificatePath.Length == 0)
        {
            return;
        }

        using var pem = X509Certificate2.CreateFromPemFile(receiver.CertificatePath, receiver.KeyPath.Length > 0 ? receiver.KeyPath : null);
        var server = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        var clientCa = receiver.ClientCaPath.Length > 0 ? X509Certificate2.CreateFromPem(File.ReadAllText(receiver.ClientCaPath)) : null;
        listen.UseHttps(https =>
        {
            https.ServerCertificate = server;
            if (clientCa is not null)
            {
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = (certificate, _, _) => ChainsTo(clientCa, certificate);
            }
        });
    }

    private static bool ChainsTo(X509Certificate2 ca, X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
