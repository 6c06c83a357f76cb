using Microsoft.Data.Sqlite;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>Reads the fleet server's SQLite file directly (read-only), to check what it stored row by row.</summary>
internal static class FleetDatabase
{
    /// <summary>The stored check-ins of one device as (seq, payload hash), in sequence order.</summary>
    public static IReadOnlyList<(long Seq, string PayloadHash)> CheckIns(string path, string deviceId)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(connectionString.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, payload_hash FROM check_ins WHERE device_id = $device_id ORDER BY seq";
        command.Parameters.AddWithValue("$device_id", deviceId);
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Distinct payload hashes over all devices.</summary>
    public static long DistinctPayloadHashes(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(connectionString.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(DISTINCT payload_hash) FROM check_ins";
        return (long)command.ExecuteScalar()!;
    }
}
