using System.Text;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;

namespace ScanPoint.FleetServer.Storage;

public sealed partial class SqliteFleetStore
{
    public Task RecordHeartbeatAsync(string deviceId, HeartbeatReported heartbeat, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        ArgumentNullException.ThrowIfNull(heartbeat);
        var payload = Encoding.UTF8.GetString(WireJson.Encode(heartbeat));
        return WriteAsync(
            writer =>
            {
                using var transaction = writer.BeginTransaction();
                foreach (var sql in new[] { SqliteFleetStoreSql.UpsertLastHeartbeat, SqliteFleetStoreSql.InsertHeartbeat })
                {
                    Execute(writer, transaction, sql, ("$device_id", deviceId), ("$received_at", SqliteTimestamp.ToText(receivedAt)), ("$payload", payload));
                }

                transaction.Commit();
                return true;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<DeviceHealthRow>> ListDeviceHealthAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = SqliteFleetStoreSql.SelectDeviceHealth;
        using var reader = command.ExecuteReader();
        var rows = new List<DeviceHealthRow>();
        while (reader.Read())
        {
            DateTimeOffset? Time(int i) => reader.IsDBNull(i) ? null : SqliteTimestamp.FromText(reader.GetString(i));
            var presence = reader.IsDBNull(5) ? null : new DevicePresence(reader.GetString(5), reader.GetInt64(6), SqliteTimestamp.FromText(reader.GetString(7)));
            var heartbeat = !reader.IsDBNull(9) && WireJson.TryDecode(Encoding.UTF8.GetBytes(reader.GetString(9)), out HeartbeatReported? decoded, out _) ? decoded : null;
            rows.Add(new DeviceHealthRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), SqliteTimestamp.FromText(reader.GetString(3)), Time(4),
                presence, Time(8), heartbeat, Time(10), reader.GetInt64(11), Time(12)));
        }

        return Task.FromResult<IReadOnlyList<DeviceHealthRow>>(rows);
    }

    public Task<IReadOnlyList<DailyScans>> ScansPerDayAsync(string deviceId, DateTimeOffset from, TimeSpan utcOffset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = SqliteFleetStoreSql.ScansPerDay;
        command.Parameters.AddWithValue("$device_id", deviceId);
        command.Parameters.AddWithValue("$from", SqliteTimestamp.ToText(from));
        command.Parameters.AddWithValue("$offset_minutes", (long)utcOffset.TotalMinutes);
        using var reader = command.ExecuteReader();
        var days = new List<DailyScans>();
        while (reader.Read())
        {
            days.Add(new DailyScans(DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reader.GetInt64(1)));
        }

        return Task.FromResult<IReadOnlyList<DailyScans>>(days);
    }

    public Task<IReadOnlyList<ReceivedHeartbeat>> HeartbeatsAsync(string deviceId, DateTimeOffset from, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = SqliteFleetStoreSql.SelectHeartbeats;
        command.Parameters.AddWithValue("$device_id", deviceId);
        command.Parameters.AddWithValue("$from", SqliteTimestamp.ToText(from));
        command.Parameters.AddWithValue("$max", max);
        using var reader = command.ExecuteReader();
        var beats = new List<ReceivedHeartbeat>();
        while (reader.Read())
        {
            if (WireJson.TryDecode(Encoding.UTF8.GetBytes(reader.GetString(1)), out HeartbeatReported? beat, out _))
            {
                beats.Add(new ReceivedHeartbeat(SqliteTimestamp.FromText(reader.GetString(0)), beat));
            }
        }

        return Task.FromResult<IReadOnlyList<ReceivedHeartbeat>>(beats);
    }
}
