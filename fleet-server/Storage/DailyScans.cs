namespace ScanPoint.FleetServer.Storage;

/// <summary>Scans of one device on one local calendar day.</summary>
public sealed record DailyScans(DateOnly Day, long Scans);
