using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ScanPoint.FleetServer.Storage;

/// <summary>Retention on the embedded store (see <c>IFleetStore.Retention.cs</c>).</summary>
public sealed partial class SqliteFleetStore
{
    public async Task<RetentionPurge> PurgeAsync(DateTimeOffset before, DateTimeOffset at, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var beforeText = SqliteTimestamp.ToText(before);
        var (deleted, unrelayed, heartbeats) = (0L, 0L, 0L);
        var (afterDevice, afterSeq) = ("", long.MinValue);
        while (true)
        {
            // Found on a reader (no write lock held while scanning), deleted by key in a short write transaction.
            var keys = ExpiredKeys(beforeText, afterDevice, afterSeq, batchSize, cancellationToken);
            if (keys.Count == 0)
            {
                break;
            }

            (afterDevice, afterSeq) = keys[^1];
            var (gone, goneUnrelayed) = await WriteAsync(writer => DeleteCheckIns(writer, keys, beforeText, cancellationToken), cancellationToken);
            (deleted, unrelayed) = (deleted + gone, unrelayed + goneUnrelayed);
        }

        while (await WriteAsync(writer => DeleteHeartbeats(writer, beforeText, batchSize), cancellationToken) is > 0 and var gone)
        {
            heartbeats += gone;
        }

        await WriteAsync(
            writer =>
            {
                using var command = writer.CreateCommand();
                command.CommandText = RetentionSql.SqliteStampRun;
                command.Parameters.AddWithValue("$at", SqliteTimestamp.ToText(at));
                return command.ExecuteNonQuery();
            },
            cancellationToken);
        return new RetentionPurge(deleted, unrelayed, heartbeats);
    }

    public Task<RetentionTotals> GetRetentionTotalsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = RetentionSql.SqliteSelectTotals;
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read()
            ? new RetentionTotals(
                reader.IsDBNull(0) ? null : SqliteTimestamp.FromText(reader.GetString(0)), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3))
            : new RetentionTotals(null, 0, 0, 0));
    }

    private List<(string DeviceId, long Seq)> ExpiredKeys(string before, string afterDevice, long afterSeq, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = RetentionSql.SqliteSelectExpired;
        command.Parameters.AddWithValue("$device_id", afterDevice);
        command.Parameters.AddWithValue("$seq", afterSeq);
        command.Parameters.AddWithValue("$before", before);
        command.Parameters.AddWithValue("$max", max);
        using var reader = command.ExecuteReader();
        var keys = new List<(string, long)>(max);
        while (reader.Read())
        {
            keys.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return keys;
    }

    private static (long Deleted, long Unrelayed) DeleteCheckIns(
        SqliteConnection writer, List<(string DeviceId, long Seq)> keys, string before, CancellationToken cancellationToken)
    {
        using var transaction = writer.BeginTransaction();
        using var command = writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = RetentionSql.SqliteStageKeys;
        command.Parameters.AddWithValue("$keys", KeysJson(keys));
        command.ExecuteNonQuery();
        command.Parameters.Clear();
        command.CommandText = RetentionSql.SqliteCountUnrelayed;
        var unrelayed = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = RetentionSql.SqliteDeleteRelayRows;
        command.ExecuteNonQuery();
        command.CommandText = RetentionSql.SqliteDeleteCheckIns;
        command.Parameters.AddWithValue("$before", before);
        long deleted = command.ExecuteNonQuery();
        command.Parameters.Clear();
        AddTotals(command, deleted, unrelayed, 0);
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        return (deleted, unrelayed);
    }

    private static long DeleteHeartbeats(SqliteConnection writer, string before, int max)
    {
        using var transaction = writer.BeginTransaction();
        using var command = writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = RetentionSql.SqliteDeleteHeartbeats;
        command.Parameters.AddWithValue("$before", before);
        command.Parameters.AddWithValue("$max", max);
        long gone = command.ExecuteNonQuery();
        command.Parameters.Clear();
        if (gone > 0)
        {
            AddTotals(command, 0, 0, gone);
        }

        transaction.Commit();
        return gone;
    }

    private static void AddTotals(SqliteCommand command, long deleted, long unrelayed, long heartbeats)
    {
        command.CommandText = RetentionSql.SqliteAddTotals;
        command.Parameters.AddWithValue("$deleted", deleted);
        command.Parameters.AddWithValue("$unrelayed", unrelayed);
        command.Parameters.AddWithValue("$heartbeats", heartbeats);
        command.ExecuteNonQuery();
        command.Parameters.Clear();
    }

    private static string KeysJson(List<(string DeviceId, long Seq)> keys)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var (deviceId, seq) in keys)
            {
                json.WriteStartArray();
                json.WriteStringValue(deviceId);
                json.WriteNumberValue(seq);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
