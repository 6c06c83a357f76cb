namespace ScanPoint.EndToEnd.Tests;

/// <summary>One device's line of <c>GET /api/stats</c>: check-ins stored, the highest sequence number stored, presence.</summary>
internal sealed record DeviceStats(string DeviceId, string Province, long CheckIns, long LastSeq, DevicePresence? Presence = null);

/// <summary>A device's last presence as the fleet recorded it.</summary>
internal sealed record DevicePresence(string State, long Boot, DateTimeOffset At);
