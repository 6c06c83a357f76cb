using ScanPoint.Contracts.CheckIns;

namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// The fleet's storage contract. Two implementations pass the same contract tests:
/// <see cref="SqliteFleetStore"/> (embedded, zero setup) and <see cref="PostgresFleetStore"/> (production).
/// </summary>
public partial interface IFleetStore : IAsyncDisposable
{
    /// <summary>Creates tables if missing. Idempotent.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Adds a device; false if the id is taken.</summary>
    Task<bool> AddDeviceAsync(DeviceRecord device, CancellationToken cancellationToken);

    Task<DeviceRecord?> FindDeviceAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>Marks a device revoked at <paramref name="at"/>; false if it is unknown or already revoked.</summary>
    Task<bool> RevokeDeviceAsync(string deviceId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Devices revoked at or after <paramref name="since"/> (the broker disconnects them).</summary>
    Task<IReadOnlyList<string>> RevokedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Stores check-ins idempotently keyed by (device, seq) and returns once they are committed.
    /// Re-sent check-ins are ignored. Returns how many were new.
    /// </summary>
    Task<int> StoreCheckInsAsync(IReadOnlyList<CheckInRecorded> checkIns, CancellationToken cancellationToken);

    Task<FleetStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records a device's presence unless the stored one is of a later boot (a stale will must not overwrite a newer
    /// birth); true when applied.
    /// </summary>
    Task<bool> RecordPresenceAsync(string deviceId, DevicePresence presence, CancellationToken cancellationToken);
}
