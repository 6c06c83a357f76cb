using System.ComponentModel.DataAnnotations;

namespace ScanPoint.FleetServer.Enrolment;

/// <summary>The <c>Enrolment</c> section: the fleet CA, enrolment codes, device certificates, the HTTPS endpoint.</summary>
public sealed class EnrolmentOptions
{
    public const string SectionName = "Enrolment";

    /// <summary>Where the fleet CA's key (mode 0600) and certificate live; created on first start.</summary>
    [Required]
    public string CaDir { get; set; } = "fleet-data/ca";

    /// <summary>Shown in the CA's name.</summary>
    [Required]
    public string FleetName { get; set; } = "scanpoint";

    /// <summary>How long a new enrolment code may be used.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How long a device certificate is valid; kiosks renew before it ends.</summary>
    public TimeSpan CertificateLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The HTTPS endpoint (enrolment, renewal, trust downloads).</summary>
    [Required]
    public string HttpsAddress { get; set; } = "127.0.0.1";

    [Range(0, 65535)]
    public int HttpsPort { get; set; } = 5443;

    /// <summary>The names kiosks reach the server by; its TLS certificate covers all of them.</summary>
    public string[] HostNames { get; set; } = ["localhost", "127.0.0.1"];

    /// <summary>The enrolment URL printed in tickets (default: https://{first host name}:{HttpsPort}/api/enrol).</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The broker address handed to enrolled kiosks.</summary>
    [Required]
    public string Broker { get; set; } = "mqtts://127.0.0.1:8883";

    /// <summary>The national trust anchor's public key (PEM file) handed to enrolled kiosks, if set.</summary>
    public string? TrustAnchor { get; set; }

    public Uri EnrolmentUrl => PublicUrl ?? new Uri($"https://{HostNames.FirstOrDefault() ?? "localhost"}:{HttpsPort}/api/enrol");
}
