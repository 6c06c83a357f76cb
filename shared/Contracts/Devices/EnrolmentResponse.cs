namespace ScanPoint.Contracts.Devices;

/// <summary>
/// The fleet's answer to an accepted enrolment: who the kiosk now is, its device certificate and the fleet CA (PEM),
/// where the broker is (<c>mqtts://host:port</c>), the national trust anchor's public key when the fleet has one, and
/// the server's clock.
/// </summary>
public sealed record EnrolmentResponse(
    string DeviceId,
    string Province,
    string SiteId,
    string Certificate,
    string CaCertificate,
    string Broker,
    string? TrustAnchor,
    DateTimeOffset ServerTime);
