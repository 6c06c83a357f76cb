namespace ScanPoint.FleetServer;

/// <summary>Authorization and the API's writes: event ids 7251-7299.</summary>
internal static partial class Log
{
    [LoggerMessage(7251, LogLevel.Warning, "{User} refused on {Path}: the device is in province {Province}, outside theirs")]
    public static partial void OutsideProvince(ILogger logger, string? user, string path, string province);

    [LoggerMessage(7252, LogLevel.Information, "{User} set the settings of device {DeviceId} to version {Version}")]
    public static partial void DeviceSettingsSet(ILogger logger, string? user, string deviceId, long version);

    [LoggerMessage(7253, LogLevel.Information, "{User} set the policy of province {Province} to version {Version}")]
    public static partial void ProvincePolicySet(ILogger logger, string? user, string province, long version);

    [LoggerMessage(7254, LogLevel.Information, "{User} queued command {CommandId} ({Name}) for device {DeviceId}")]
    public static partial void CommandQueued(ILogger logger, string? user, string commandId, string name, string deviceId);

    [LoggerMessage(7255, LogLevel.Warning, "{User} revoked device {DeviceId}")]
    public static partial void DeviceRevokedByApi(ILogger logger, string? user, string deviceId);
}
