using ScanPoint.Contracts.Devices;

namespace ScanPoint.FleetServer.Storage;

/// <summary>Liveness: heartbeats, and every device's three signals for the health view.</summary>
public partial interface IFleetStore
{
    /// <summary>Keeps a heartbeat as the device's latest and in its history.</summary>
    Task RecordHeartbeatAsync(string deviceId, HeartbeatReported heartbeat, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Every registered device with its presence, last heartbeat and last check-in, in ordinal id order.</summary>
    Task<IReadOnlyList<DeviceHealthRow>> ListDeviceHealthAsync(CancellationToken cancellationToken);

    /// <summary>A device's heartbeats received at or after <paramref name="from"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ReceivedHeartbeat>> HeartbeatsAsync(string deviceId, DateTimeOffset from, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Activity: a device's scans per calendar day (days start at <paramref name="utcOffset"/>, Viet Nam's +07:00 by
    /// default) for scans at or after <paramref name="from"/>; days without scans are left out.
    /// </summary>
    Task<IReadOnlyList<DailyScans>> ScansPerDayAsync(string deviceId, DateTimeOffset from, TimeSpan utcOffset, CancellationToken cancellationToken);
}
