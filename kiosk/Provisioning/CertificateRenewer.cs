using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.Contracts.Devices;
using ScanPoint.Kiosk.Health;

namespace ScanPoint.Kiosk.Provisioning;

/// <summary>
/// Keeps an enrolled kiosk's device certificate alive: every <see cref="KioskOptions.CertificateCheckInterval"/> it
/// looks at what is left, and with less than <see cref="KioskOptions.CertificateRenewBefore"/> it asks the fleet's
/// <c>/api/renew</c> (TLS with the current certificate, the server checked against the pinned CA) for a new one for
/// the same key, and replaces <c>device.pem</c> atomically. The reporter uses it from its next connection on. A kiosk
/// that was offline past expiry cannot renew: it is re-enrolled with a new ticket (hardware/README, fleet README).
/// </summary>
internal sealed class CertificateRenewer(
    KioskIdentity identity,
    ServerClock serverClock,
    IOptions<KioskOptions> options,
    TimeProvider time,
    ILogger<CertificateRenewer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dataDir = options.Value.DataDir;
        if (identity.FleetHttps is null || !DeviceCertificateFiles.Exist(dataDir))
        {
            return; // a kiosk with a secret credential has no certificate to renew
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RenewIfDueAsync(dataDir, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidDataException or CryptographicException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                Log.CertificateRenewalFailed(logger, ex.Message);
            }

            await Task.Delay(options.Value.CertificateCheckInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RenewIfDueAsync(string dataDir, CancellationToken cancellationToken)
    {
        using var current = DeviceCertificateFiles.LoadClientCertificate(dataDir);
        var left = new DateTimeOffset(current.NotAfter.ToUniversalTime()) - time.GetUtcNow();
        if (left > options.Value.CertificateRenewBefore)
        {
            return;
        }

        if (left <= TimeSpan.Zero)
        {
            Log.CertificateExpired(logger, current.NotAfter.ToUniversalTime());
            return;
        }

        using var ca = DeviceCertificateFiles.LoadCa(dataDir);
        using var key = current.GetECDsaPrivateKey() ?? throw new CryptographicException("device certificate has no EC key");
        using var client = new HttpClient(new SocketsHttpHandler
        {
            SslOptions =
            {
                ClientCertificates = [current],
                RemoteCertificateValidationCallback = (_, server, _, _) => server is X509Certificate2 s && DeviceCertificateFiles.ChainsTo(s, ca),
            },
        })
        { Timeout = TimeSpan.FromSeconds(30) };
        var csr = new CertificateRequest("CN=" + identity.DeviceId, key, HashAlgorithmName.SHA256).CreateSigningRequestPem();
        using var reply = await client.PostAsJsonAsync(new Uri(identity.FleetHttps!, "/api/renew"), new RenewalRequest(csr), cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the fleet refused the renewal ({(int)reply.StatusCode})");
        }

        var renewed = await reply.Content.ReadFromJsonAsync<RenewalResponse>(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException("empty renewal answer");
        using var certificate = X509Certificate2.CreateFromPem(renewed.Certificate);
        if (!DeviceCertificateFiles.ChainsTo(certificate, ca) || !certificate.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
        {
            throw new InvalidDataException("the renewed certificate is not for this kiosk's key or not from the pinned CA");
        }

        DeviceCertificateFiles.SaveCertificates(dataDir, renewed.Certificate, ca.ExportCertificatePem());
        serverClock.Observe(renewed.ServerTime);
        Log.CertificateRenewed(logger, certificate.NotAfter.ToUniversalTime());
    }
}
