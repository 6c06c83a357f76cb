using ScanPoint.Contracts.Management;

namespace ScanPoint.FleetServer.Storage;

/// <summary>Device management: the config twin (device settings, province policies, reported config), commands, alerts.</summary>
public partial interface IFleetStore
{
    /// <summary>The device-management tables of this store.</summary>
    ManagementStore Management { get; }

    /// <summary>The operators' accounts.</summary>
    UserStore Users { get; }
}

/// <summary>
/// Device management storage, the same SQL on both stores: the config twin (device settings, province policies,
/// reported config), commands and alerts.
/// </summary>
public interface IManagementStore
{
    /// <summary>A device's own settings (version 0 when none were set).</summary>
    Task<VersionedSettings> DeviceSettingsAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a device's settings if they are still at <paramref name="expectedVersion"/>; the new version is one more.
    /// False when another writer came first (read again and retry).
    /// </summary>
    Task<bool> SaveDeviceSettingsAsync(string deviceId, long expectedVersion, IReadOnlyDictionary<string, string> settings, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A province's policy (version 0 when none was set).</summary>
    Task<VersionedSettings> ProvincePolicyAsync(string province, CancellationToken cancellationToken);

    /// <summary>Replaces a province's policy if it is still at <paramref name="expectedVersion"/>.</summary>
    Task<bool> SaveProvincePolicyAsync(string province, long expectedVersion, IReadOnlyDictionary<string, string> settings, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The desired config of every non-revoked device that has settings or a province policy, or of one device.</summary>
    Task<IReadOnlyList<DesiredConfigRow>> DesiredConfigsAsync(string? deviceId, CancellationToken cancellationToken);

    Task RecordReportedConfigAsync(string deviceId, ConfigReported reported, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    Task<ReportedConfigRow?> ReportedConfigAsync(string deviceId, CancellationToken cancellationToken);

    Task AddCommandAsync(string commandId, string deviceId, string name, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Commands not yet answered nor expired at <paramref name="now"/>, of non-revoked devices, oldest first.</summary>
    Task<IReadOnlyList<CommandRecord>> OpenCommandsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkCommandSentAsync(string commandId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a device's answer; false when the command is not that device's or was already closed.</summary>
    Task<bool> CompleteCommandAsync(string deviceId, CommandCompleted completed, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Closes unanswered commands past their expiry as <c>expired</c>; returns how many.</summary>
    Task<int> ExpireCommandsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A device's latest commands, newest first.</summary>
    Task<IReadOnlyList<CommandRecord>> DeviceCommandsAsync(string deviceId, int max, CancellationToken cancellationToken);

    /// <summary>Keeps the log lines of an <c>upload-logs</c> command; false when no such command of that device.</summary>
    Task<bool> SaveCommandLogsAsync(string deviceId, string commandId, string logs, CancellationToken cancellationToken);

    Task<string?> CommandLogsAsync(string deviceId, string commandId, CancellationToken cancellationToken);

    /// <summary>Keeps an alert change; a repeated (device, seq) is ignored.</summary>
    Task RecordAlertAsync(string deviceId, AlertChanged alert, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Per device and kind, the latest change when it is <c>raised</c>.</summary>
    Task<IReadOnlyList<AlertRecord>> OpenAlertsAsync(CancellationToken cancellationToken);

    /// <summary>A device's latest alert changes, newest first.</summary>
    Task<IReadOnlyList<AlertRecord>> DeviceAlertsAsync(string deviceId, int max, CancellationToken cancellationToken);
}
