using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Enrolment;

/// <summary>
/// Creates one-time enrolment tickets and turns a kiosk's (code, CSR) into a registered device with a certificate.
/// The CSR is checked before the code is spent, so a kiosk with a broken key can try again with the same ticket.
/// </summary>
public sealed class EnrolmentService(
    IFleetStore store,
    FleetCertificateAuthority ca,
    IOptions<EnrolmentOptions> options,
    TimeProvider time,
    ILogger<EnrolmentService> logger)
{
    /// <summary>A new ticket for a kiosk in <paramref name="province"/> at <paramref name="siteId"/>.</summary>
    public async Task<(EnrolmentTicket Ticket, EnrolmentRecord Record)> CreateAsync(string province, string siteId, CancellationToken cancellationToken)
    {
        if (!DeviceCredential.IsName(province) || !DeviceCredential.IsName(siteId))
        {
            throw new ArgumentException("province and site must be 1-64 of A-Z a-z 0-9 _ -");
        }

        var now = time.GetUtcNow();
        while (true)
        {
            var ticket = EnrolmentTicket.Create(options.Value.EnrolmentUrl, ca.Fingerprint);
            var record = new EnrolmentRecord(ticket.CodeId, DeviceCredential.HashSecret(ticket.Secret), province, siteId, now, now + options.Value.CodeLifetime);
            if (await store.AddEnrolmentAsync(record, cancellationToken).ConfigureAwait(false))
            {
                Log.EnrolmentCreated(logger, ticket.CodeId, province, siteId, record.ExpiresAt);
                return (ticket, record);
            }
        }
    }

    /// <summary>
    /// A re-enrolment ticket for an existing, unrevoked device (one whose kiosk was offline past its certificate's
    /// expiry): claiming it issues a certificate for that device instead of registering a new one.
    /// </summary>
    public async Task<(EnrolmentTicket Ticket, EnrolmentRecord Record)> CreateForDeviceAsync(string deviceId, CancellationToken cancellationToken)
    {
        var device = await store.FindDeviceAsync(deviceId, cancellationToken).ConfigureAwait(false);
        if (device is null || device.RevokedAt is not null)
        {
            throw new ArgumentException($"no device '{deviceId}', or it is revoked");
        }

        var now = time.GetUtcNow();
        while (true)
        {
            var ticket = EnrolmentTicket.Create(options.Value.EnrolmentUrl, ca.Fingerprint);
            var record = new EnrolmentRecord(ticket.CodeId, DeviceCredential.HashSecret(ticket.Secret), device.Province, device.SiteId, now, now + options.Value.CodeLifetime, DeviceId: device.DeviceId);
            if (await store.AddEnrolmentAsync(record, cancellationToken).ConfigureAwait(false))
            {
                Log.EnrolmentCreated(logger, ticket.CodeId, device.Province, device.SiteId, record.ExpiresAt);
                return (ticket, record);
            }
        }
    }

    /// <summary>The response for an accepted request, or null (the reason is logged, never told to the caller).</summary>
    public async Task<EnrolmentResponse?> EnrolAsync(EnrolmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!EnrolmentTicket.TrySplitCode(request.Code, out var codeId, out var secret))
        {
            Log.EnrolmentRefused(logger, "", "malformed code");
            return null;
        }

        ECDsa publicKey;
        try
        {
            publicKey = FleetCertificateAuthority.ReadCsrKey(request.Csr ?? "");
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            Log.EnrolmentRefused(logger, codeId, "bad CSR: " + ex.Message);
            return null;
        }

        using (publicKey)
        {
            var now = time.GetUtcNow();
            var claim = await store.ClaimEnrolmentAsync(codeId, DeviceCredential.HashSecret(secret), NewDeviceId(), now, cancellationToken).ConfigureAwait(false);
            if (claim.Outcome != EnrolmentOutcome.Enrolled || claim.Device is not { } device)
            {
                Log.EnrolmentRefused(logger, codeId, claim.Outcome.ToString());
                return null;
            }

            using var certificate = ca.IssueDeviceCertificate(publicKey, new DeviceName(device.DeviceId, device.Province, device.SiteId), now, options.Value.CertificateLifetime);
            Log.DeviceEnrolled(logger, device.DeviceId, device.Province, device.SiteId, codeId, certificate.NotAfter);
            var anchor = options.Value.TrustAnchor is { } path ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
            return new EnrolmentResponse(
                device.DeviceId,
                device.Province,
                device.SiteId,
                certificate.ExportCertificatePem(),
                ca.Certificate.ExportCertificatePem(),
                options.Value.Broker,
                anchor,
                now);
        }
    }

    /// <summary>
    /// A fresh certificate for a device that presents its current one (checked against the fleet CA by the caller's
    /// TLS handshake and again here), still registered and not revoked. Null, with the reason logged, otherwise.
    /// </summary>
    public async Task<RenewalResponse?> RenewAsync(X509Certificate2? current, RenewalRequest request, FleetTls tls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tls);
        if (current is null || !tls.IsDeviceCertificate(current) || !DeviceName.TryRead(current, out var name))
        {
            Log.RenewalRefused(logger, "", "no current device certificate of this fleet");
            return null;
        }

        var device = await store.FindDeviceAsync(name.DeviceId, cancellationToken).ConfigureAwait(false);
        if (device is null || device.RevokedAt is not null)
        {
            Log.RenewalRefused(logger, name.DeviceId, device is null ? "unknown device" : "revoked");
            return null;
        }

        ECDsa publicKey;
        try
        {
            publicKey = FleetCertificateAuthority.ReadCsrKey(request.Csr ?? "");
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            Log.RenewalRefused(logger, name.DeviceId, "bad CSR: " + ex.Message);
            return null;
        }

        using (publicKey)
        {
            var now = time.GetUtcNow();
            using var certificate = ca.IssueDeviceCertificate(publicKey, new DeviceName(device.DeviceId, device.Province, device.SiteId), now, options.Value.CertificateLifetime);
            Log.CertificateRenewed(logger, device.DeviceId, certificate.NotAfter);
            return new RenewalResponse(certificate.ExportCertificatePem(), ca.Certificate.ExportCertificatePem(), now);
        }
    }

    /// <summary>A device id the fleet chooses: <c>k</c> and 12 base32 characters.</summary>
    private static string NewDeviceId() => "k" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz234567", 12);
}
