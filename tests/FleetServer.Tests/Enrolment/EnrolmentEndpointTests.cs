using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.Broker;

namespace ScanPoint.FleetServer.Tests.Enrolment;

/// <summary><c>POST /api/enrol</c> over real HTTPS: a ticket and a CSR become a device with a certificate, once.</summary>
public sealed class EnrolmentEndpointTests : IAsyncLifetime
{
    private RunningFleet _fleet = null!;

    public async Task InitializeAsync() => _fleet = await RunningFleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task A_ticket_and_a_csr_enrol_a_device_whose_certificate_chains_to_the_pinned_ca()
    {
        var ticket = await NewTicketAsync("HN", "hoan-kiem");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var client = await PinnedClientAsync(ticket.CaPin);

        var reply = await client.PostAsJsonAsync(Endpoint(), new EnrolmentRequest(ticket.Code, Csr(key)));

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var enrolled = (await reply.Content.ReadFromJsonAsync<EnrolmentResponse>())!;
        using var certificate = X509Certificate2.CreateFromPem(enrolled.Certificate);
        using var ca = X509Certificate2.CreateFromPem(enrolled.CaCertificate);
        Assert.True(DeviceName.TryRead(certificate, out var name));
        Assert.Equal(new DeviceName(enrolled.DeviceId, "HN", "hoan-kiem"), name);
        Assert.Equal(ticket.CaPin, Pin(ca));
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), certificate.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo());
        var device = await Store().FindDeviceAsync(enrolled.DeviceId, CancellationToken.None);
        Assert.Equal(("HN", "hoan-kiem"), (device!.Province, device.SiteId));
        Assert.Equal("", device.SecretHash); // no password exists for an enrolled device
    }

    [Fact]
    public async Task A_used_code_is_refused_and_a_bad_csr_does_not_spend_it()
    {
        var ticket = await NewTicketAsync("DN", "market");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rsa = RSA.Create(2048);
        using var client = await PinnedClientAsync(ticket.CaPin);
        var rsaCsr = new CertificateRequest("CN=x", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequestPem();

        var bad = await client.PostAsJsonAsync(Endpoint(), new EnrolmentRequest(ticket.Code, rsaCsr));
        var good = await client.PostAsJsonAsync(Endpoint(), new EnrolmentRequest(ticket.Code, Csr(key)));
        var again = await client.PostAsJsonAsync(Endpoint(), new EnrolmentRequest(ticket.Code, Csr(key)));
        var wrong = await client.PostAsJsonAsync(Endpoint(), new EnrolmentRequest(ticket.CodeId + ".abcdefghijklmnopqrstuvwxyz234567", Csr(key)));

        Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(1, (await Store().GetStatsAsync(CancellationToken.None)).Devices);
    }

    [Fact]
    public async Task The_plain_http_endpoint_does_not_enrol()
    {
        var ticket = await NewTicketAsync("HN", "s");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var client = new HttpClient();

        var reply = await client.PostAsJsonAsync($"http://127.0.0.1:{_fleet.HttpPort}/api/enrol", new EnrolmentRequest(ticket.Code, Csr(key)));

        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        Assert.Null((await Store().ListEnrolmentsAsync(CancellationToken.None)).Single().UsedAt);
    }

    private Uri Endpoint() => new($"https://127.0.0.1:{_fleet.HttpsPort}/api/enrol");

    private IFleetStore Store() => _fleet.Services.GetRequiredService<IFleetStore>();

    private async Task<EnrolmentTicket> NewTicketAsync(string province, string site) =>
        (await _fleet.Services.GetRequiredService<EnrolmentService>().CreateAsync(province, site, CancellationToken.None)).Ticket;

    private static string Csr(ECDsa key) => new CertificateRequest("CN=new-kiosk", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();

    private static string Pin(X509Certificate2 certificate) => EnrolmentTicket.PinOf(certificate);

    /// <summary>As the kiosk does: fetch the CA, check it against the pin, then trust only server certificates chained to it.</summary>
    private async Task<HttpClient> PinnedClientAsync(string pin)
    {
#pragma warning disable CA5359 // nothing secret is sent; the CA certificate that comes back is authenticated by the pin below
        using var fetch = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } });
#pragma warning restore CA5359
        var ca = X509Certificate2.CreateFromPem(await fetch.GetStringAsync(new Uri(Endpoint(), "/api/ca")));
        Assert.Equal(pin, Pin(ca));
        return new HttpClient(new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(ca);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return certificate is X509Certificate2 leaf && chain.Build(leaf);
                },
            },
        });
    }
}
