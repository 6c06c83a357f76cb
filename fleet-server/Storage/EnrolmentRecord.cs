namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// A one-time enrolment code: it lets one kiosk join the fleet in <see cref="Province"/> and <see cref="SiteId"/> until
/// <see cref="ExpiresAt"/>. Only the secret's SHA-256 is kept. Once claimed it names the device it created; after
/// <see cref="EnrolmentClaim.MaxFailedAttempts"/> wrong secrets it is burnt.
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
