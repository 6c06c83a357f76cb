using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using ScanPoint.Benchmarks.Fleet;
using ScanPoint.Contracts.CheckIns;

namespace ScanPoint.Benchmarks.Ingest;

/// <summary>
/// The peer for PostgreSQL ingest: the same rows written the fastest plain way, one connection, one transaction per
/// <c>rowsPerCommit</c> rows (the fleet's default <c>Ingest:MaxRowsPerCommit</c>): binary COPY into a temp table, then
/// <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c> into a copy of <c>check_ins</c> (same columns, same primary key).
/// No MQTT, no JSON, no acks, no per-device counters.
/// </summary>
internal static class BinaryCopyPeer
{
    private const string CreateTable = "CREATE TABLE peer_check_ins (LIKE check_ins INCLUDING ALL)";

    private const string CreateStaging = """
        CREATE TEMP TABLE peer_incoming (
            device_id text NOT NULL, seq bigint NOT NULL, id text NOT NULL, site_id text NOT NULL, at timestamptz NOT NULL,
            format text NOT NULL, verdict text NOT NULL, payload_hash text NOT NULL
        ) ON COMMIT DROP
        """;

    private const string Copy = "COPY peer_incoming (device_id, seq, id, site_id, at, format, verdict, payload_hash) FROM STDIN (FORMAT BINARY)";

    private const string Insert = """
        INSERT INTO peer_check_ins (device_id, seq, id, site_id, at, format, verdict, payload_hash, received_at)
        SELECT device_id, seq, id, site_id, at, format, verdict, payload_hash, @received_at FROM peer_incoming
        ON CONFLICT (device_id, seq) DO NOTHING
        """;

    /// <summary>Rows inserted and the time taken; <c>check_ins</c> must exist in the schema (the store migrated it).</summary>
    public static async Task<(long Rows, TimeSpan Elapsed)> RunAsync(
        PostgresSchema schema, IReadOnlyList<CheckInRecorded> rows, int rowsPerCommit, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(schema.ConnectionString) { SearchPath = schema.Name }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, CreateTable, cancellationToken);

        var inserted = 0L;
        var clock = Stopwatch.StartNew();
        foreach (var chunk in rows.Chunk(rowsPerCommit))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, CreateStaging, cancellationToken);
            await using (var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken))
            {
                foreach (var c in chunk)
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(c.DeviceId, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(c.Seq, NpgsqlDbType.Bigint, cancellationToken);
                    await importer.WriteAsync(c.Id, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(c.SiteId, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(c.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                    await importer.WriteAsync(c.Format, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(c.Verdict, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(c.PayloadHash, NpgsqlDbType.Text, cancellationToken);
                }

                await importer.CompleteAsync(cancellationToken);
            }

            await using (var insert = new NpgsqlCommand(Insert, connection))
            {
                insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("received_at", TimeProvider.System.GetUtcNow()));
                inserted += await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return (inserted, clock.Elapsed);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
