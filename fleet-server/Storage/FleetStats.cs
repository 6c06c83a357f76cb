namespace ScanPoint.FleetServer.Storage;

/// <summary>What <c>GET /api/stats</c> returns.</summary>
public sealed record FleetStats(long Devices, long CheckIns, IReadOnlyList<DeviceStats> PerDevice);

/// <summary>Per device: check-ins stored and the highest sequence number stored.</summary>
public sealed record DeviceStats(string DeviceId, string Province, long CheckIns, long LastSeq);
