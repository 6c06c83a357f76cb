using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ScanPoint.Contracts.Devices;

namespace ScanPoint.Kiosk.Provisioning;

/// <summary>
/// The kiosk's side of enrolment: fetch the fleet CA certificate and accept it only if its SHA-256 equals the pin in
/// the ticket; then post the code and a CSR for the kiosk's own P-256 key over TLS that must chain to that CA.
/// </summary>
public static class EnrolmentClient
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The fleet's answer, or an exception saying what failed (pin mismatch, TLS, refusal).</summary>
    public static async Task<EnrolmentResponse> EnrolAsync(EnrolmentTicket ticket, ECDsa key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var ca = await FetchPinnedCaAsync(ticket, cancellationToken).ConfigureAwait(false);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is X509Certificate2 leaf && DeviceCertificateFiles.ChainsTo(leaf, ca) },
        })
        { Timeout = Timeout };
        var csr = new CertificateRequest("CN=scanpoint-kiosk", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();
        using var reply = await client.PostAsJsonAsync(ticket.Endpoint, new EnrolmentRequest(ticket.Code, csr), cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the fleet refused the enrolment ({(int)reply.StatusCode}): the code may be used, expired or mistyped; ask for a new ticket");
        }

        var response = await reply.Content.ReadFromJsonAsync<EnrolmentResponse>(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException("the fleet's enrolment answer is empty");
        using var certificate = X509Certificate2.CreateFromPem(response.Certificate);
        if (!DeviceCertificateFiles.ChainsTo(certificate, ca) || !certificate.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
        {
            throw new InvalidDataException("the fleet's device certificate is not for this kiosk's key or not from the pinned CA");
        }

        return response;
    }

    private static async Task<X509Certificate2> FetchPinnedCaAsync(EnrolmentTicket ticket, CancellationToken cancellationToken)
    {
        // Nothing secret is sent here; what comes back is trusted only if it matches the ticket's pin.
#pragma warning disable CA5359
        using var client = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } }) { Timeout = Timeout };
#pragma warning restore CA5359
        var pem = await client.GetStringAsync(new Uri(ticket.Endpoint, "/api/ca"), cancellationToken).ConfigureAwait(false);
        var ca = X509Certificate2.CreateFromPem(pem);
        if (EnrolmentTicket.PinOf(ca) != ticket.CaPin)
        {
            ca.Dispose();
            throw new InvalidDataException("the server's CA does not match the ticket's pin: this is not the fleet that issued the ticket");
        }

        return ca;
    }
}
