using ScanPoint.FleetServer.Storage;

namespace ScanPoint.Benchmarks.Fleet;

/// <summary>Which store a fleet server under test uses: its options and the matching command-line switches.</summary>
internal sealed record FleetStorage(string Name, StorageOptions Options)
{
    public static FleetStorage Sqlite(string folder) =>
        new("SQLite (embedded)", new StorageOptions { Provider = "sqlite", SqlitePath = Path.Combine(folder, "fleet.db") });

    public static FleetStorage Postgres(PostgresSchema schema) =>
        new("PostgreSQL", new StorageOptions { Provider = "postgres", Postgres = schema.ConnectionString, PostgresSchema = schema.Name });

    public IEnumerable<string> Args => Options.Provider == "postgres"
        ? ["--Storage:Provider=postgres", $"--Storage:Postgres={Options.Postgres}", $"--Storage:PostgresSchema={Options.PostgresSchema}"]
        : ["--Storage:Provider=sqlite", $"--Storage:SqlitePath={Options.SqlitePath}"];
}
