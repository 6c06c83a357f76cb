using Npgsql;

namespace ScanPoint.Benchmarks.Fleet;

/// <summary>A fresh schema for one benchmark run in the PostgreSQL database under test, dropped on dispose.</summary>
internal sealed class PostgresSchema : IAsyncDisposable
{
    private PostgresSchema(string connectionString, string name) => (ConnectionString, Name) = (connectionString, name);

    public string ConnectionString { get; }

    public string Name { get; }

    public static async Task<PostgresSchema> CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var name = $"bench_{Guid.NewGuid():N}"[..24];
        await ExecuteAsync(connectionString, $"CREATE SCHEMA {name}", cancellationToken);
        return new PostgresSchema(connectionString, name);
    }

    /// <summary>The server's durability settings, which decide what a commit costs.</summary>
    public static async Task<string> DescribeAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT split_part(version(), ' on ', 1) || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', wal_sync_method=' || current_setting('wal_sync_method') || ', shared_buffers=' || current_setting('shared_buffers')",
            connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public ValueTask DisposeAsync() => new(ExecuteAsync(ConnectionString, $"DROP SCHEMA IF EXISTS {Name} CASCADE", CancellationToken.None));

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
