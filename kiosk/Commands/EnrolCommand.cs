using ScanPoint.Contracts.Devices;
using ScanPoint.Credentials.Trust;
using ScanPoint.Kiosk.Provisioning;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Commands;

/// <summary>
/// <c>kiosk provision --code TICKET --data-dir DIR</c>: enrols this kiosk with the ticket a technician brought (the
/// text under <c>fleet-server devices enroll</c>'s QR). Exit 0 enrolled, 1 refused or unreachable, 2 usage.
/// </summary>
internal static class EnrolCommand
{
    public static async Task<int> RunAsync(string ticketText, string? dataDir, TextWriter output, TextWriter error)
    {
        if (dataDir is null)
        {
            error.WriteLine("usage: kiosk provision --code TICKET --data-dir DIR");
            return 2;
        }

        if (!EnrolmentTicket.TryParse(ticketText, out var ticket))
        {
            error.WriteLine("--code: not an enrolment ticket (expected the https://…#spe1.… line printed by 'fleet-server devices enroll')");
            return 2;
        }

        try
        {
            using var key = DeviceCertificateFiles.LoadOrCreateKey(dataDir);
            var enrolled = await EnrolmentClient.EnrolAsync(ticket, key, CancellationToken.None).ConfigureAwait(false);
            if (!Uri.TryCreate(enrolled.Broker, UriKind.Absolute, out var broker))
            {
                error.WriteLine($"provision: the fleet named no usable broker address ('{enrolled.Broker}')");
                return 1;
            }

            DeviceCertificateFiles.SaveCertificates(dataDir, enrolled.Certificate, enrolled.CaCertificate);
            if (enrolled.TrustAnchor is { } anchor)
            {
                using (TrustAnchor.FromPem(anchor))
                {
                    File.WriteAllText(Path.Combine(dataDir, KioskTrust.AnchorFileName), anchor);
                }
            }

            new KioskIdentity(enrolled.DeviceId, enrolled.Province, enrolled.SiteId, broker, "", new Uri(ticket.Endpoint, "/")).Save(dataDir);
            output.WriteLine($"enrolled as {enrolled.DeviceId} (province {enrolled.Province}, site {enrolled.SiteId}); broker {broker}; clock offset {(TimeProvider.System.GetUtcNow() - enrolled.ServerTime).TotalSeconds:0.0} s");
            return 0;
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or InvalidDataException or TaskCanceledException or System.Security.Cryptography.CryptographicException)
        {
            error.WriteLine($"provision: enrolment failed: {ex.Message}");
            return 1;
        }
    }
}
