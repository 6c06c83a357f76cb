namespace ScanPoint.EndToEnd.Tests;

/// <summary>One device's line of <c>GET /api/stats</c>: check-ins stored and the highest sequence number stored.</summary>
internal sealed record DeviceStats(string DeviceId, string Province, long CheckIns, long LastSeq);
