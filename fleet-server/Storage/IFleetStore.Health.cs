using ScanPoint.Contracts.Devices;

namespace ScanPoint.FleetServer.Storage;

/// <summary>Liveness: heartbeats, and every device's three signals for the health view.</summary>
public partial interface IFleetStore
{
    /// <summary>Keeps a heartbeat as the device's latest and in its history.</summary>
    Task RecordHeartbeatAsync(string deviceId, HeartbeatReported heartbeat, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Every registered device with its presence, last heartbeat and last check-in, in ordinal id order.</summary>
    Task<IReadOnlyList<DeviceHealthRow>> ListDeviceHealthAsync(CancellationToken cancellationToken);
}
