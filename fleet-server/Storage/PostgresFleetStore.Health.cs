using System.Text;
using Npgsql;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;

namespace ScanPoint.FleetServer.Storage;

public sealed partial class PostgresFleetStore
{
    public async Task RecordHeartbeatAsync(string deviceId, HeartbeatReported heartbeat, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        ArgumentNullException.ThrowIfNull(heartbeat);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(
            connection,
            PostgresFleetStoreSql.RecordHeartbeat,
            cancellationToken,
            new NpgsqlParameter<string>("device_id", deviceId),
            new NpgsqlParameter<DateTimeOffset>("received_at", receivedAt.ToUniversalTime()),
            new NpgsqlParameter<string>("payload", Encoding.UTF8.GetString(WireJson.Encode(heartbeat))));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DeviceHealthRow>> ListDeviceHealthAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(PostgresFleetStoreSql.SelectDeviceHealth);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<DeviceHealthRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            DateTimeOffset? Time(int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);
            var presence = reader.IsDBNull(5) ? null : new DevicePresence(reader.GetString(5), reader.GetInt64(6), reader.GetFieldValue<DateTimeOffset>(7));
            var heartbeat = !reader.IsDBNull(9) && WireJson.TryDecode(Encoding.UTF8.GetBytes(reader.GetString(9)), out HeartbeatReported? decoded, out _) ? decoded : null;
            rows.Add(new DeviceHealthRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), Time(4),
                presence, Time(8), heartbeat, Time(10), reader.GetInt64(11), Time(12)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<DailyScans>> ScansPerDayAsync(string deviceId, DateTimeOffset from, TimeSpan utcOffset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        await using var command = _dataSource.CreateCommand(PostgresFleetStoreSql.ScansPerDay);
        command.Parameters.Add(new NpgsqlParameter<string>("device_id", deviceId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("from", from.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter<int>("offset_minutes", (int)utcOffset.TotalMinutes));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<DailyScans>();
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new DailyScans(reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1)));
        }

        return days;
    }

    public async Task<IReadOnlyList<ReceivedHeartbeat>> HeartbeatsAsync(string deviceId, DateTimeOffset from, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        await using var command = _dataSource.CreateCommand(PostgresFleetStoreSql.SelectHeartbeats);
        command.Parameters.Add(new NpgsqlParameter<string>("device_id", deviceId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("from", from.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter<int>("max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var beats = new List<ReceivedHeartbeat>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (WireJson.TryDecode(Encoding.UTF8.GetBytes(reader.GetString(1)), out HeartbeatReported? beat, out _))
            {
                beats.Add(new ReceivedHeartbeat(reader.GetFieldValue<DateTimeOffset>(0), beat));
            }
        }

        return beats;
    }
}
