namespace ScanPoint.FleetServer.Storage;

/// <summary>What <c>GET /api/stats</c> returns.</summary>
public sealed record FleetStats(long Devices, long CheckIns, IReadOnlyList<DeviceStats> PerDevice);

/// <summary>Per device: check-ins stored, the highest sequence number stored, and its last presence (null: never seen).</summary>
public sealed record DeviceStats(string DeviceId, string Province, long CheckIns, long LastSeq, DevicePresence? Presence = null);

/// <summary>A device's last accepted presence: online, offline or lost, of which boot, stamped by the kiosk.</summary>
public sealed record DevicePresence(string State, long Boot, DateTimeOffset At);
