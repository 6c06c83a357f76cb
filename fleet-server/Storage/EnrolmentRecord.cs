namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// A one-time enrolment code: it lets one kiosk join the fleet in <see cref="Province"/> and <see cref="SiteId"/> until
/// <see cref="ExpiresAt"/>. Only the secret's SHA-256 is kept. Once claimed it names the device it created; after
/// <see cref="EnrolmentClaim.MaxFailedAttempts"/> wrong secrets it is burnt. A re-enrolment code is made with
/// <see cref="DeviceId"/> already set: claiming it issues a certificate for that existing device (one that was
/// offline past its certificate's expiry) instead of creating one.
/// </summary>
public sealed record EnrolmentRecord(
    string CodeId,
    string SecretHash,
    string Province,
    string SiteId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt = null,
    string? DeviceId = null,
    int FailedAttempts = 0);
