namespace ScanPoint.FleetServer.Sites;

/// <summary>
/// A place where kiosks stand: its site id (the one devices are registered with, unique within a province), the
/// district it belongs to, a readable name, and its coordinates when known (WGS 84 degrees).
/// </summary>
public sealed record SiteRecord(string SiteId, string Province, string District, string Name, double? Latitude, double? Longitude);
