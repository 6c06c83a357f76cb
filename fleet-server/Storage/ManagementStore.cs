using System.Data.Common;
using System.Text;
using System.Text.Json;
using ScanPoint.Contracts.Management;
using ScanPoint.Contracts.Wire;

namespace ScanPoint.FleetServer.Storage;

/// <summary>The device-management tables (<see cref="ManagementSql"/>) over either store's database.</summary>
public sealed class ManagementStore(ManagementDatabase db) : IManagementStore
{
    public Task<VersionedSettings> DeviceSettingsAsync(string deviceId, CancellationToken cancellationToken) =>
        db.ReadAsync(c => SettingsAsync(c, ManagementSql.SelectDeviceSettings, deviceId, cancellationToken), cancellationToken);

    public Task<bool> SaveDeviceSettingsAsync(string deviceId, long expectedVersion, IReadOnlyDictionary<string, string> settings, DateTimeOffset at, CancellationToken cancellationToken) =>
        SaveAsync(expectedVersion == 0 ? ManagementSql.InsertDeviceSettings : ManagementSql.UpdateDeviceSettings, deviceId, expectedVersion, settings, at, cancellationToken);

    public Task<VersionedSettings> ProvincePolicyAsync(string province, CancellationToken cancellationToken) =>
        db.ReadAsync(c => SettingsAsync(c, ManagementSql.SelectPolicy, province, cancellationToken), cancellationToken);

    public Task<bool> SaveProvincePolicyAsync(string province, long expectedVersion, IReadOnlyDictionary<string, string> settings, DateTimeOffset at, CancellationToken cancellationToken) =>
        SaveAsync(expectedVersion == 0 ? ManagementSql.InsertPolicy : ManagementSql.UpdatePolicy, province, expectedVersion, settings, at, cancellationToken);

    public Task<IReadOnlyList<DesiredConfigRow>> DesiredConfigsAsync(string? deviceId, CancellationToken cancellationToken) =>
        db.ReadAsync(
            c => ListAsync(
                c,
                deviceId is null ? ManagementSql.SelectDesired : ManagementSql.SelectDeviceDesired,
                r => new DesiredConfigRow(r.GetString(0), r.GetString(1), Versioned(r, 2), Versioned(r, 4)),
                cancellationToken,
                deviceId is null ? [] : [("device_id", deviceId)]),
            cancellationToken);

    public Task RecordReportedConfigAsync(string deviceId, ConfigReported reported, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        db.WriteAsync(
            c => DbCommands.ExecuteAsync(c, ManagementSql.UpsertReported, cancellationToken, ("device_id", deviceId), ("payload", Encoding.UTF8.GetString(WireJson.Encode(reported))), ("at", db.ToDb(receivedAt))),
            cancellationToken);

    public async Task<ReportedConfigRow?> ReportedConfigAsync(string deviceId, CancellationToken cancellationToken)
    {
        var rows = await db.ReadAsync(
            c => ListAsync(
                c,
                ManagementSql.SelectReported,
                r => WireJson.TryDecode(Encoding.UTF8.GetBytes(r.GetString(0)), out ConfigReported? reported, out _) ? new ReportedConfigRow(reported, db.FromDb(r, 1)) : null,
                cancellationToken,
                ("device_id", deviceId)),
            cancellationToken).ConfigureAwait(false);
        return First(rows);
    }

    public Task AddCommandAsync(string commandId, string deviceId, string name, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        db.WriteAsync(
            c => DbCommands.ExecuteAsync(c, ManagementSql.InsertCommand, cancellationToken, ("command_id", commandId), ("device_id", deviceId), ("name", name), ("created_at", db.ToDb(createdAt)), ("expires_at", db.ToDb(expiresAt))),
            cancellationToken);

    public Task<IReadOnlyList<CommandRecord>> OpenCommandsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ReadAsync(c => ListAsync(c, ManagementSql.SelectOpenCommands, Command, cancellationToken, ("now", db.ToDb(now))), cancellationToken);

    public Task MarkCommandSentAsync(string commandId, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.WriteAsync(c => DbCommands.ExecuteAsync(c, ManagementSql.MarkCommandSent, cancellationToken, ("command_id", commandId), ("at", db.ToDb(at))), cancellationToken);

    public async Task<bool> CompleteCommandAsync(string deviceId, CommandCompleted completed, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            c => DbCommands.ExecuteAsync(c, ManagementSql.CompleteCommand, cancellationToken, ("state", completed.Status), ("at", db.ToDb(at)), ("detail", completed.Detail), ("command_id", completed.Id), ("device_id", deviceId)),
            cancellationToken).ConfigureAwait(false) == 1;

    public Task<int> ExpireCommandsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.WriteAsync(c => DbCommands.ExecuteAsync(c, ManagementSql.ExpireCommands, cancellationToken, ("now", db.ToDb(now))), cancellationToken);

    public Task<IReadOnlyList<CommandRecord>> DeviceCommandsAsync(string deviceId, int max, CancellationToken cancellationToken) =>
        db.ReadAsync(c => ListAsync(c, ManagementSql.SelectDeviceCommands, Command, cancellationToken, ("device_id", deviceId), ("max", max)), cancellationToken);

    public async Task<bool> SaveCommandLogsAsync(string deviceId, string commandId, string logs, CancellationToken cancellationToken) =>
        await db.WriteAsync(c => DbCommands.ExecuteAsync(c, ManagementSql.SetCommandLogs, cancellationToken, ("logs", logs), ("command_id", commandId), ("device_id", deviceId)), cancellationToken).ConfigureAwait(false) == 1;

    public async Task<string?> CommandLogsAsync(string deviceId, string commandId, CancellationToken cancellationToken) =>
        (await db.ReadAsync(c => ListAsync(c, ManagementSql.SelectCommandLogs, r => r.IsDBNull(0) ? null : r.GetString(0), cancellationToken, ("command_id", commandId), ("device_id", deviceId)), cancellationToken).ConfigureAwait(false))
        is [var logs, ..] ? logs : null;

    public Task RecordAlertAsync(string deviceId, AlertChanged alert, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        db.WriteAsync(
            c => DbCommands.ExecuteAsync(
                c,
                ManagementSql.InsertAlert,
                cancellationToken,
                ("device_id", deviceId),
                ("seq", alert.Seq),
                ("kind", alert.Kind),
                ("state", alert.State),
                ("detail", alert.Detail),
                ("at", db.ToDb(alert.At)),
                ("received_at", db.ToDb(receivedAt))),
            cancellationToken);

    public Task<IReadOnlyList<AlertRecord>> OpenAlertsAsync(CancellationToken cancellationToken) =>
        db.ReadAsync(c => ListAsync(c, ManagementSql.SelectOpenAlerts, Alert, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<AlertRecord>> DeviceAlertsAsync(string deviceId, int max, CancellationToken cancellationToken) =>
        db.ReadAsync(c => ListAsync(c, ManagementSql.SelectDeviceAlerts, Alert, cancellationToken, ("device_id", deviceId), ("max", max)), cancellationToken);

    private async Task<bool> SaveAsync(string sql, string key, long expectedVersion, IReadOnlyDictionary<string, string> settings, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            c => DbCommands.ExecuteAsync(c, sql, cancellationToken, ("key", key), ("expected", expectedVersion), ("settings", JsonSerializer.Serialize(settings)), ("at", db.ToDb(at))),
            cancellationToken).ConfigureAwait(false) == 1;

    private static async Task<VersionedSettings> SettingsAsync(DbConnection connection, string sql, string key, CancellationToken cancellationToken) =>
        First(await ListAsync(connection, sql, r => Versioned(r, 0), cancellationToken, ("key", key)).ConfigureAwait(false)) ?? VersionedSettings.None;

    private static T? First<T>(IReadOnlyList<T> rows)
        where T : class => rows.Count > 0 ? rows[0] : null;

    private static VersionedSettings Versioned(DbDataReader r, int ordinal) => r.IsDBNull(ordinal + 1)
        ? VersionedSettings.None
        : new VersionedSettings(r.GetInt64(ordinal), JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(ordinal + 1)) ?? []);

    private CommandRecord Command(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), db.FromDb(r, 4), db.FromDb(r, 5), r.GetString(6),
        r.IsDBNull(7) ? null : db.FromDb(r, 7), r.IsDBNull(8) ? null : db.FromDb(r, 8), r.IsDBNull(9) ? null : r.GetString(9), r.GetBoolean(10));

    private AlertRecord Alert(DbDataReader r) => new(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), db.FromDb(r, 5), db.FromDb(r, 6));


    private static async Task<IReadOnlyList<T>> ListAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T?> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = DbCommands.Create(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (read(reader) is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
