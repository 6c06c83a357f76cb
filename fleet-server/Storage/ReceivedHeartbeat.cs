using ScanPoint.Contracts.Devices;

namespace ScanPoint.FleetServer.Storage;

/// <summary>One stored heartbeat and when the fleet received it (health history over time).</summary>
public sealed record ReceivedHeartbeat(DateTimeOffset ReceivedAt, HeartbeatReported Heartbeat);
