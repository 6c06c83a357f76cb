namespace ScanPoint.FleetServer.Storage;

/// <summary>A registered device. The credential's secret is kept only as its SHA-256 hash.</summary>
public sealed record DeviceRecord(string DeviceId, string Province, string SiteId, string SecretHash, DateTimeOffset CreatedAt);
