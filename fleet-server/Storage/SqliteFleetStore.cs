using Microsoft.Data.Sqlite;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Privacy;

namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// The embedded, zero-setup store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a batch is on disk
/// when <see cref="StoreCheckInsAsync"/> returns and survives a power cut. Writes of this instance are serialised on
/// one long-lived connection; another process on the same file (the <c>devices add</c> CLI) waits for the write lock
/// up to the busy timeout. Reads use pooled connections of their own and do not wait for writers.
/// SQLite's API is synchronous: only waiting for the write lock is asynchronous here.
/// </summary>
public sealed partial class SqliteFleetStore : IFleetStore
{
    private readonly string _readerConnectionString;
    private readonly string _writerConnectionString;
    private readonly TimeProvider _timeProvider;
    private readonly Lazy<PersonalDataCipher> _cipher;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;
    private bool _disposed;

    /// <param name="databasePath">The database file; created if missing, its folder must exist.</param>
    /// <param name="timeProvider">The clock stamping <c>received_at</c>; <see cref="TimeProvider.System"/> if null.</param>
    /// <param name="cipher">Seals personal data; if null, the key file <c>personal.key</c> next to the database (created if missing).</param>
    public SqliteFleetStore(string databasePath, TimeProvider? timeProvider = null, PersonalDataCipher? cipher = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWriteCreate };
        _readerConnectionString = builder.ToString();
        builder.Pooling = false;
        _writerConnectionString = builder.ToString();
        _timeProvider = timeProvider ?? TimeProvider.System;
        var keyFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, PersonalDataKey.DefaultFileName);
        _cipher = cipher is null ? new(() => PersonalDataCipher.FromFile(keyFile)) : new(cipher);
    }

    /// <summary>Seals and opens this store's personal data.</summary>
    internal PersonalDataCipher Cipher => _cipher.Value;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await WriteAsync(
            writer =>
            {
                using var transaction = writer.BeginTransaction();
                using var command = writer.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = SqliteFleetStoreSql.CreateTables;
                command.ExecuteNonQuery();
                command.CommandText = ManagementSql.CreateSqlite + UserSql.CreateSqlite + TracingSql.CreateSqlite + PersonalDataSealing.CreateSqlite + global::ScanPoint.FleetServer.Sites.SiteSql.CreateSqlite;
                command.ExecuteNonQuery();
                foreach (var (table, column, type) in SqliteFleetStoreSql.AddedColumns)
                {
                    command.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
                    if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
                    {
                        command.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {type}";
                        command.ExecuteNonQuery();
                    }
                }

                command.CommandText = SqliteFleetStoreSql.CreateAddedIndexes;
                command.ExecuteNonQuery();

                command.CommandText = SqliteFleetStoreSql.CreateRelay;
                command.ExecuteNonQuery();
                AddRelayColumns(command);
                command.CommandText = RetentionSql.CreateSqlite;
                command.ExecuteNonQuery();
                transaction.Commit();
                return true;
            },
            cancellationToken);
        await PersonalDataSealing.SealClearValuesAsync(new SqliteManagementDatabase(this), () => Cipher, cancellationToken);
    }

    public Task<bool> AddDeviceAsync(DeviceRecord device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        return WriteAsync(
            writer =>
            {
                using var command = writer.CreateCommand();
                command.CommandText = SqliteFleetStoreSql.InsertDevice;
                command.Parameters.AddWithValue("$device_id", device.DeviceId);
                command.Parameters.AddWithValue("$province", device.Province);
                command.Parameters.AddWithValue("$site_id", device.SiteId);
                command.Parameters.AddWithValue("$secret_hash", device.SecretHash);
                command.Parameters.AddWithValue("$created_at", SqliteTimestamp.ToText(device.CreatedAt));
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);
    }

    public Task<DeviceRecord?> FindDeviceAsync(string deviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        return Task.FromResult(ReadDevice(connection, null, deviceId));
    }

    public Task<bool> RevokeDeviceAsync(string deviceId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        return WriteAsync(
            writer =>
            {
                using var command = writer.CreateCommand();
                command.CommandText = SqliteFleetStoreSql.RevokeDevice;
                command.Parameters.AddWithValue("$device_id", deviceId);
                command.Parameters.AddWithValue("$revoked_at", SqliteTimestamp.ToText(at));
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<string>> RevokedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = SqliteFleetStoreSql.SelectRevokedSince;
        command.Parameters.AddWithValue("$since", SqliteTimestamp.ToText(since));
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return Task.FromResult<IReadOnlyList<string>>(ids);
    }

    public Task<int> StoreCheckInsAsync(IReadOnlyList<CheckInRecorded> checkIns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        if (checkIns.Count == 0)
        {
            return Task.FromResult(0);
        }

        return WriteAsync(
            writer =>
            {
                using var transaction = writer.BeginTransaction();
                var inserted = SqliteCheckInBatch.Insert(
                    writer, transaction, checkIns, _timeProvider.GetUtcNow(), Cipher, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                transaction.Commit();
                return inserted;
            },
            cancellationToken);
    }

    public Task<FleetStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var snapshot = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = SqliteFleetStoreSql.SelectStats;
        using var reader = command.ExecuteReader();
        var perDevice = new List<DeviceStats>();
        while (reader.Read())
        {
            var presence = reader.IsDBNull(4) ? null : new DevicePresence(reader.GetString(4), reader.GetInt64(5), SqliteTimestamp.FromText(reader.GetString(6)));
            perDevice.Add(new DeviceStats(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), presence));
        }

        reader.NextResult();
        reader.Read();
        return Task.FromResult(new FleetStats(perDevice.Count, reader.GetInt64(0), perDevice));
    }

    public Task<bool> RecordPresenceAsync(string deviceId, DevicePresence presence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        ArgumentNullException.ThrowIfNull(presence);
        return WriteAsync(
            writer =>
            {
                using var command = writer.CreateCommand();
                command.CommandText = SqliteFleetStoreSql.UpsertPresence;
                command.Parameters.AddWithValue("$device_id", deviceId);
                command.Parameters.AddWithValue("$state", presence.State);
                command.Parameters.AddWithValue("$boot", presence.Boot);
                command.Parameters.AddWithValue("$at", SqliteTimestamp.ToText(presence.At));
                command.Parameters.AddWithValue("$received_at", SqliteTimestamp.ToText(_timeProvider.GetUtcNow()));
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _writeLock.WaitAsync(CancellationToken.None);
        try
        {
            _disposed = true;
            _writer?.Dispose();
            _writer = null;
        }
        finally
        {
            _writeLock.Release();
        }

        using var pooled = new SqliteConnection(_readerConnectionString);
        SqliteConnection.ClearPool(pooled);
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, T> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer ??= SqliteConnections.OpenWriter(_writerConnectionString);
            return write(_writer);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static DeviceRecord? ReadDevice(SqliteConnection connection, SqliteTransaction? transaction, string deviceId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqliteFleetStoreSql.SelectDevice;
        command.Parameters.AddWithValue("$device_id", deviceId);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new DeviceRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                SqliteTimestamp.FromText(reader.GetString(4)),
                reader.IsDBNull(5) ? null : SqliteTimestamp.FromText(reader.GetString(5)))
            : null;
    }

    private SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return SqliteConnections.Open(_readerConnectionString);
    }
}
