using Npgsql;
using ScanPoint.Contracts.Intake;

namespace ScanPoint.FleetServer.Storage;

/// <summary>The relay outbox of the PostgreSQL store (see <see cref="IFleetStore"/>, <c>IFleetStore.Relay.cs</c>).</summary>
public sealed partial class PostgresFleetStore
{
    public async Task<IReadOnlyList<PendingRelay>> PendingRelayAsync(int max, long afterOutboxId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var command = _dataSource.CreateCommand(PostgresFleetStoreSql.SelectPendingRelay);
        command.Parameters.Add(new NpgsqlParameter<int>("max", max));
        command.Parameters.Add(new NpgsqlParameter<long>("after", afterOutboxId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<PendingRelay>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(new PendingRelay(
                reader.GetInt64(0),
                new IntakeCheckIn(
                    Id: reader.GetString(1),
                    DeviceId: reader.GetString(2),
                    Seq: reader.GetInt64(3),
                    SiteId: reader.GetString(4),
                    Province: reader.GetString(5),
                    At: reader.GetFieldValue<DateTimeOffset>(6),
                    Format: reader.GetString(7),
                    Verdict: reader.GetString(8),
                    PayloadHash: reader.GetString(9),
                    ReceivedAt: reader.GetFieldValue<DateTimeOffset>(10),
                    PersonKey: reader.IsDBNull(11) ? null : reader.GetString(11),
                    PersonName: Cipher.Open(reader.IsDBNull(12) ? null : reader.GetString(12), reader.GetString(2), reader.GetInt64(3)),
                    PersonBirthDate: Cipher.Open(reader.IsDBNull(13) ? null : reader.GetString(13), reader.GetString(2), reader.GetInt64(3)))));
        }

        return pending;
    }

    public async Task CompleteRelayAsync(IReadOnlyList<long> relayed, IReadOnlyList<RelayRejected> rejected, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relayed);
        ArgumentNullException.ThrowIfNull(rejected);
        if (relayed.Count == 0 && rejected.Count == 0)
        {
            return;
        }

        // Both statements run in one implicit transaction.
        await using var command = _dataSource.CreateCommand(PostgresFleetStoreSql.CompleteRelay);
        command.Parameters.Add(new NpgsqlParameter<long[]>("rejected_ids", [.. rejected.Select(r => r.OutboxId)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("codes", [.. rejected.Select(r => r.Code)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("reasons", [.. rejected.Select(r => r.Reason)]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("dead_at", at.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. relayed, .. rejected.Select(r => r.OutboxId)]));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<RelayBacklog> GetRelayBacklogAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(PostgresFleetStoreSql.SelectRelayBacklog);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new RelayBacklog(
            reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2));
    }

    public async Task<int> RecordRelayFailureAsync(IReadOnlyList<long> outboxIds, string error, int maxAttempts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxIds);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        if (outboxIds.Count == 0)
        {
            return 0;
        }

        // A batch runs in one implicit transaction; the second statement sees the first one's counts.
        var ids = outboxIds.ToArray();
        await using var batch = _dataSource.CreateBatch();
        var count = new NpgsqlBatchCommand(PostgresFleetStoreSql.CountRelayFailure);
        count.Parameters.Add(new NpgsqlParameter<long[]>("ids", ids));
        count.Parameters.Add(new NpgsqlParameter<string>("error", error));
        var move = new NpgsqlBatchCommand(PostgresFleetStoreSql.MoveExhausted);
        move.Parameters.Add(new NpgsqlParameter<long[]>("ids", ids));
        move.Parameters.Add(new NpgsqlParameter<int>("max", maxAttempts));
        move.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("dead_at", at.ToUniversalTime()));
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(move);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return move.RecordsAffected;
    }

    public async Task<IReadOnlyList<RelayDeadLetter>> DeadLettersAsync(int max, string? province, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var command = _dataSource.CreateCommand(PostgresFleetStoreSql.SelectDeadLetters);
        command.Parameters.Add(new NpgsqlParameter<int>("max", max));
        command.Parameters.Add(new NpgsqlParameter("province", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)province ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<RelayDeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new RelayDeadLetter(
                reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return letters;
    }

    public async Task<int> ReplayDeadLettersAsync(string? province, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(PostgresFleetStoreSql.ReplayDeadLetters);
        command.Parameters.Add(new NpgsqlParameter("province", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)province ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
