using Microsoft.Data.Sqlite;

namespace ScanPoint.FleetServer.Storage;

/// <summary>Opens connections of <see cref="SqliteFleetStore"/> with the pragmas its guarantees rest on.</summary>
internal static class SqliteConnections
{
    /// <summary>How long a writer waits for another process's write lock before failing.</summary>
    private const int BusyTimeoutMilliseconds = 10_000;

    /// <summary>A connection for writing: WAL journal (persistent in the file) and <c>synchronous=FULL</c>.</summary>
    public static SqliteConnection OpenWriter(string connectionString)
    {
        var connection = Open(connectionString);
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = command.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"SQLite database '{connection.DataSource}' refused WAL journal mode (it reports '{mode}').");
            }

            command.CommandText = "PRAGMA synchronous = FULL;";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
