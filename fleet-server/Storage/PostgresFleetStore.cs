using System.Data;
using System.Text.RegularExpressions;
using Npgsql;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Privacy;

namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// The production store on PostgreSQL. All tables live in one schema (default <c>public</c>), which must exist
/// before <see cref="MigrateAsync"/>; tests pass a fresh schema each. Ingest is one transaction per batch: binary
/// COPY into a staging table, insert ignoring known (device, seq) keys, and per-device counters kept in the same
/// transaction so that stats never scan the check-ins.
/// </summary>
public sealed partial class PostgresFleetStore : IFleetStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly TimeProvider _timeProvider;
    private readonly Lazy<PersonalDataCipher> _cipher;

    /// <param name="connectionString">An Npgsql connection string; its <c>Search Path</c> is replaced by <paramref name="schema"/>.</param>
    /// <param name="schema">A plain lower-case schema name (letters, digits, underscores).</param>
    /// <param name="timeProvider">The clock stamping <c>received_at</c>; <see cref="TimeProvider.System"/> if null.</param>
    /// <param name="cipher">Seals personal data; if null, the default key file of <see cref="StorageOptions"/>
    /// (<c>fleet-data/personal.key</c> under the current folder, created if missing).</param>
    public PostgresFleetStore(string connectionString, string schema = "public", TimeProvider? timeProvider = null, PersonalDataCipher? cipher = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(schema);
        if (!SchemaName().IsMatch(schema))
        {
            throw new ArgumentException(
                $"'{schema}' is not a plain schema name: use lower-case letters, digits and underscores.", nameof(schema));
        }

        _schema = schema;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _cipher = cipher is null ? new(() => PersonalDataCipher.FromFile(new StorageOptions().PersonalDataKeyFile())) : new(cipher);
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema });
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var current = new NpgsqlCommand(PostgresFleetStoreSql.CurrentSchema, connection))
        {
            if (await current.ExecuteScalarAsync(cancellationToken) is not string)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL schema '{_schema}' does not exist (or is not usable): create it before migrating.");
            }
        }

        await using (var create = new NpgsqlCommand(PostgresFleetStoreSql.CreateTables + ";" + ManagementSql.CreatePostgres + UserSql.CreatePostgres + TracingSql.CreatePostgres + PersonalDataSealing.CreatePostgres + global::ScanPoint.FleetServer.Sites.SiteSql.CreatePostgres, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var relay = new NpgsqlCommand(PostgresFleetStoreSql.CreateRelay + RetentionSql.CreatePostgres, connection))
        {
            await relay.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await PersonalDataSealing.SealClearValuesAsync(new PostgresManagementDatabase(this), () => Cipher, cancellationToken);
    }

    public async Task<bool> AddDeviceAsync(DeviceRecord device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        await using var command = _dataSource.CreateCommand(PostgresFleetStoreSql.InsertDevice);
        command.Parameters.Add(new NpgsqlParameter<string>("device_id", device.DeviceId));
        command.Parameters.Add(new NpgsqlParameter<string>("province", device.Province));
        command.Parameters.Add(new NpgsqlParameter<string>("site_id", device.SiteId));
        command.Parameters.Add(new NpgsqlParameter<string>("secret_hash", device.SecretHash));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("created_at", device.CreatedAt.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<DeviceRecord?> FindDeviceAsync(string deviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        await using var command = _dataSource.CreateCommand(PostgresFleetStoreSql.SelectDevice);
        command.Parameters.Add(new NpgsqlParameter<string>("device_id", deviceId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new DeviceRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
    }

    public async Task<bool> RevokeDeviceAsync(string deviceId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        await using var command = _dataSource.CreateCommand(PostgresFleetStoreSql.RevokeDevice);
        command.Parameters.Add(new NpgsqlParameter<string>("device_id", deviceId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("revoked_at", at.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<string>> RevokedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(PostgresFleetStoreSql.SelectRevokedSince);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("since", since.ToUniversalTime()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<int> StoreCheckInsAsync(IReadOnlyList<CheckInRecorded> checkIns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        if (checkIns.Count == 0)
        {
            return 0;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await PostgresCheckInCopy.StoreAsync(connection, checkIns, _timeProvider.GetUtcNow(), Cipher, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    public async Task<FleetStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var command = new NpgsqlCommand(PostgresFleetStoreSql.SelectStats, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var perDevice = new List<DeviceStats>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var presence = reader.IsDBNull(4) ? null : new DevicePresence(reader.GetString(4), reader.GetInt64(5), reader.GetFieldValue<DateTimeOffset>(6));
            perDevice.Add(new DeviceStats(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), presence));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new FleetStats(perDevice.Count, reader.GetInt64(0), perDevice);
    }

    public async Task<bool> RecordPresenceAsync(string deviceId, DevicePresence presence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        ArgumentNullException.ThrowIfNull(presence);
        await using var command = _dataSource.CreateCommand(PostgresFleetStoreSql.UpsertPresence);
        command.Parameters.Add(new NpgsqlParameter<string>("device_id", deviceId));
        command.Parameters.Add(new NpgsqlParameter<string>("state", presence.State));
        command.Parameters.Add(new NpgsqlParameter<long>("boot", presence.Boot));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", presence.At.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("received_at", _timeProvider.GetUtcNow().ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Seals and opens this store's personal data.</summary>
    internal PersonalDataCipher Cipher => _cipher.Value;

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
