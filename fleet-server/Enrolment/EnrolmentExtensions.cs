using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using ScanPoint.Contracts.Devices;

namespace ScanPoint.FleetServer.Enrolment;

/// <summary>
/// The fleet CA, enrolment and the HTTPS endpoint kiosks use (<c>GET /api/ca</c>, <c>POST /api/enrol</c>). The
/// endpoint's certificate is issued by the fleet CA at start for <see cref="EnrolmentOptions.HostNames"/>; kiosks
/// fetch the CA certificate, check it against the pin in their ticket, and trust only that CA from then on.
/// </summary>
internal static class EnrolmentExtensions
{
    /// <summary>Loads the fleet's TLS material (<see cref="FleetTls"/>), registers it and enrolment, and opens the HTTPS endpoint.</summary>
    public static FleetTls AddEnrolment(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EnrolmentOptions>().BindConfiguration(EnrolmentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(EnrolmentOptions.SectionName).Get<EnrolmentOptions>() ?? new EnrolmentOptions();
        var tls = FleetTls.Load(options, TimeProvider.System);
        builder.Services.AddSingleton(tls);
        builder.Services.AddSingleton(tls.Ca);
        builder.Services.AddSingleton<EnrolmentService>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(options.HttpsAddress), options.HttpsPort, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = tls.ServerCertificate;
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.ClientCertificateValidation = (_, _, _) => true; // the renewal endpoint checks the chain against the fleet CA itself
        })));
        return tls;
    }

    public static WebApplication MapEnrolment(this WebApplication app)
    {
        // Public: a kiosk fetches the CA certificate, checks it against the pin in its ticket, and then trusts only
        // server certificates that chain to it (TLS does not send the root itself).
        app.MapGet("/api/ca", (FleetCertificateAuthority ca) => Results.Text(ca.Certificate.ExportCertificatePem(), "application/x-pem-file"))
            .AllowAnonymous().WithName("FleetCa").WithSummary("Device-facing, anonymous: the fleet CA certificate (PEM)").Produces<string>(StatusCodes.Status200OK, "application/x-pem-file");
        app.MapPost("/api/renew", async (HttpContext http, RenewalRequest request, EnrolmentService enrolment, FleetTls tls, CancellationToken cancellationToken) =>
        {
            if (!http.Request.IsHttps)
            {
                return Results.NotFound();
            }

            var current = await http.Connection.GetClientCertificateAsync(cancellationToken).ConfigureAwait(false);
            return await enrolment.RenewAsync(current, request, tls, cancellationToken).ConfigureAwait(false) is { } response
                ? Results.Ok(response)
                : Results.Problem("renewal refused: present a current certificate of this fleet for a registered, unrevoked device", statusCode: StatusCodes.Status403Forbidden);
        }).AllowAnonymous().WithName("RenewCertificate").WithSummary("Device-facing, HTTPS only, anonymous (the client certificate is the credential): a new device certificate")
            .Produces<RenewalResponse>().ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapPost("/api/enrol", async (HttpContext http, EnrolmentRequest request, EnrolmentService enrolment, CancellationToken cancellationToken) =>
        {
            if (!http.Request.IsHttps)
            {
                return Results.NotFound(); // only on the HTTPS endpoint: a ticket's secret never travels in the clear
            }

            return await enrolment.EnrolAsync(request, cancellationToken).ConfigureAwait(false) is { } response
                ? Results.Ok(response)
                : Results.Problem("enrolment refused: the code is unknown, used, expired, or the CSR is not a valid P-256 request", statusCode: StatusCodes.Status403Forbidden);
        }).AllowAnonymous().WithName("Enrol").WithSummary("Device-facing, HTTPS only, anonymous (the ticket's code is the credential): a certificate for a new device")
            .Produces<EnrolmentResponse>().ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
