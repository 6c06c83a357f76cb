namespace ScanPoint.EndToEnd.Tests;

/// <summary>What <c>GET /api/stats</c> answers (the ingest counters are left out).</summary>
internal sealed record FleetStats(long Devices, long CheckIns, IReadOnlyList<DeviceStats> PerDevice)
{
    public DeviceStats? Device(string deviceId) => PerDevice.SingleOrDefault(d => d.DeviceId == deviceId);
}
