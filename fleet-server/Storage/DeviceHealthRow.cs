using ScanPoint.Contracts.Devices;

namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// What the store knows of one device's three signals: presence (and when the fleet received it), its last heartbeat
/// (received at, by the fleet's clock), its last check-in (scanned at, by the kiosk's clock).
/// </summary>
public sealed record DeviceHealthRow(
    string DeviceId,
    string Province,
    string SiteId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    DevicePresence? Presence,
    DateTimeOffset? LastHeartbeatAt,
    HeartbeatReported? LastHeartbeat,
    DateTimeOffset? LastCheckInAt,
    long CheckIns,
    DateTimeOffset? PresenceReceivedAt = null);
