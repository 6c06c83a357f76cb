namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// A registered device. A secret credential's secret is kept only as its SHA-256 hash (empty for an enrolled device,
/// whose certificate is its identity). A revoked device is refused by the broker and disconnected.
/// </summary>
public sealed record DeviceRecord(string DeviceId, string Province, string SiteId, string SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null);
