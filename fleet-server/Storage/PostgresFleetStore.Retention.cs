using Npgsql;

namespace ScanPoint.FleetServer.Storage;

/// <summary>Retention on the PostgreSQL store (see <c>IFleetStore.Retention.cs</c>).</summary>
public sealed partial class PostgresFleetStore
{
    public async Task<RetentionPurge> PurgeAsync(DateTimeOffset before, DateTimeOffset at, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var (deleted, unrelayed, heartbeats) = (0L, 0L, 0L);
        var (afterDevice, afterSeq) = ("", long.MinValue);
        while (true)
        {
            // One statement per batch (its own transaction): keys, dead letters, outbox entries, check-ins, totals.
            await using var command = _dataSource.CreateCommand(RetentionSql.PostgresPurgeBatch);
            command.Parameters.Add(new NpgsqlParameter<string>("device_id", afterDevice));
            command.Parameters.Add(new NpgsqlParameter<long>("seq", afterSeq));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("before", before.ToUniversalTime()));
            command.Parameters.Add(new NpgsqlParameter<int>("max", batchSize));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            deleted += reader.GetInt64(0);
            unrelayed += reader.GetInt64(1);
            if (reader.IsDBNull(2))
            {
                break;
            }

            (afterDevice, afterSeq) = (reader.GetString(2), reader.GetInt64(3));
        }

        while (true)
        {
            await using var command = _dataSource.CreateCommand(RetentionSql.PostgresDeleteHeartbeats);
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("before", before.ToUniversalTime()));
            command.Parameters.Add(new NpgsqlParameter<int>("max", batchSize));
            var gone = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            heartbeats += gone;
            if (gone == 0)
            {
                break;
            }
        }

        await using (var stamp = _dataSource.CreateCommand(RetentionSql.PostgresStampRun))
        {
            stamp.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at.ToUniversalTime()));
            await stamp.ExecuteNonQueryAsync(cancellationToken);
        }

        return new RetentionPurge(deleted, unrelayed, heartbeats);
    }

    public async Task<RetentionTotals> GetRetentionTotalsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(RetentionSql.PostgresSelectTotals);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new RetentionTotals(
                reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3))
            : new RetentionTotals(null, 0, 0, 0);
    }
}
