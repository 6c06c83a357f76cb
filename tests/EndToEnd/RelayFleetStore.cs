using Microsoft.Data.Sqlite;
using Npgsql;
using ScanPoint.TestKit;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// The store under the fleet server of a relay scenario: its embedded SQLite file, or a fresh schema in the
/// PostgreSQL of <see cref="TestServices"/> (dropped at the end). Gives the server's settings and reads back the
/// stored check-ins with raw SQL.
/// </summary>
internal sealed class RelayFleetStore : IAsyncDisposable
{
    private readonly string? _schema;

    private RelayFleetStore(string? schema) => _schema = schema;

    public bool IsPostgres => _schema is not null;

    public static async Task<RelayFleetStore> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            return new RelayFleetStore(null);
        }

        var schema = $"e2e_relay_{Guid.NewGuid():N}"[..30];
        await using var create = NpgsqlDataSource.Create(TestServices.PostgresConnectionString).CreateCommand($"CREATE SCHEMA {schema}");
        await create.ExecuteNonQueryAsync();
        return new RelayFleetStore(schema);
    }

    /// <summary>Settings for the server and its commands (none for SQLite: FleetProcess names the file).</summary>
    public IReadOnlyList<string> Settings => _schema is null
        ? []
        : ["--Storage:Provider=postgres", $"--Storage:Postgres={TestServices.PostgresConnectionString}", $"--Storage:PostgresSchema={_schema}"];

    /// <summary>Every stored check-in as (id, device, seq, payload hash).</summary>
    public async Task<List<(string Id, string DeviceId, long Seq, string PayloadHash)>> StoredAsync(string sqlitePath)
    {
        const string Sql = "SELECT id, device_id, seq, payload_hash FROM check_ins";
        var rows = new List<(string, string, long, string)>();
        if (_schema is null)
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            using var connection = new SqliteConnection(connectionString.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
            }
        }
        else
        {
            await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString) { SearchPath = _schema });
            await using var command = source.CreateCommand(Sql);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
            }
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            await using var source = NpgsqlDataSource.Create(TestServices.PostgresConnectionString);
            await using var drop = source.CreateCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
    }
}
