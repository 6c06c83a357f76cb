using System.Text.Json;
using Microsoft.Data.Sqlite;
using ScanPoint.Contracts.Intake;

namespace ScanPoint.FleetServer.Storage;

/// <summary>The relay outbox of the embedded store (see <see cref="IFleetStore"/>, <c>IFleetStore.Relay.cs</c>).</summary>
public sealed partial class SqliteFleetStore
{
    public Task<IReadOnlyList<PendingRelay>> PendingRelayAsync(int max, long afterOutboxId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = SqliteFleetStoreSql.SelectPendingRelay;
        command.Parameters.AddWithValue("$max", max);
        command.Parameters.AddWithValue("$after", afterOutboxId);
        using var reader = command.ExecuteReader();
        var pending = new List<PendingRelay>();
        while (reader.Read())
        {
            pending.Add(new PendingRelay(
                reader.GetInt64(0),
                new IntakeCheckIn(
                    Id: reader.GetString(1),
                    DeviceId: reader.GetString(2),
                    Seq: reader.GetInt64(3),
                    SiteId: reader.GetString(4),
                    Province: reader.GetString(5),
                    At: SqliteTimestamp.FromText(reader.GetString(6)),
                    Format: reader.GetString(7),
                    Verdict: reader.GetString(8),
                    PayloadHash: reader.GetString(9),
                    ReceivedAt: SqliteTimestamp.FromText(reader.GetString(10)),
                    PersonKey: reader.IsDBNull(11) ? null : reader.GetString(11),
                    PersonName: Cipher.Open(reader.IsDBNull(12) ? null : reader.GetString(12), reader.GetString(2), reader.GetInt64(3)),
                    PersonBirthDate: Cipher.Open(reader.IsDBNull(13) ? null : reader.GetString(13), reader.GetString(2), reader.GetInt64(3)))));
        }

        return Task.FromResult<IReadOnlyList<PendingRelay>>(pending);
    }

    public Task CompleteRelayAsync(IReadOnlyList<long> relayed, IReadOnlyList<RelayRejected> rejected, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relayed);
        ArgumentNullException.ThrowIfNull(rejected);
        if (relayed.Count == 0 && rejected.Count == 0)
        {
            return Task.CompletedTask;
        }

        return WriteAsync(
            writer =>
            {
                using var transaction = writer.BeginTransaction();
                using var command = writer.CreateCommand();
                command.Transaction = transaction;
                if (rejected.Count > 0)
                {
                    command.CommandText = SqliteFleetStoreSql.InsertDeadLetter;
                    var outboxId = command.Parameters.Add("$outbox_id", SqliteType.Integer);
                    var code = command.Parameters.Add("$code", SqliteType.Text);
                    var reason = command.Parameters.Add("$reason", SqliteType.Text);
                    command.Parameters.AddWithValue("$dead_at", SqliteTimestamp.ToText(at));
                    foreach (var r in rejected)
                    {
                        (outboxId.Value, code.Value, reason.Value) = (r.OutboxId, r.Code, r.Reason);
                        command.ExecuteNonQuery();
                    }

                    command.Parameters.Clear();
                }

                command.CommandText = SqliteFleetStoreSql.DeleteRelayed;
                command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize<long[]>([.. relayed, .. rejected.Select(r => r.OutboxId)]));
                command.ExecuteNonQuery();
                cancellationToken.ThrowIfCancellationRequested();
                transaction.Commit();
                return true;
            },
            cancellationToken);
    }

    public Task<RelayBacklog> GetRelayBacklogAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = SqliteFleetStoreSql.SelectRelayBacklog;
        using var reader = command.ExecuteReader();
        reader.Read();
        return Task.FromResult(new RelayBacklog(
            reader.GetInt64(0), reader.IsDBNull(1) ? null : SqliteTimestamp.FromText(reader.GetString(1)), reader.GetInt64(2)));
    }

    public Task<int> RecordRelayFailureAsync(IReadOnlyList<long> outboxIds, string error, int maxAttempts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxIds);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        if (outboxIds.Count == 0)
        {
            return Task.FromResult(0);
        }

        return WriteAsync(
            writer =>
            {
                using var transaction = writer.BeginTransaction();
                using var command = writer.CreateCommand();
                command.Transaction = transaction;
                command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(outboxIds));
                command.Parameters.AddWithValue("$error", error);
                command.Parameters.AddWithValue("$max", maxAttempts);
                command.Parameters.AddWithValue("$dead_at", SqliteTimestamp.ToText(at));
                command.CommandText = SqliteFleetStoreSql.CountRelayFailure;
                command.ExecuteNonQuery();
                command.CommandText = SqliteFleetStoreSql.InsertExhausted;
                command.ExecuteNonQuery();
                command.CommandText = SqliteFleetStoreSql.DeleteExhausted;
                var moved = command.ExecuteNonQuery();
                cancellationToken.ThrowIfCancellationRequested();
                transaction.Commit();
                return moved;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<RelayDeadLetter>> DeadLettersAsync(int max, string? province, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = SqliteFleetStoreSql.SelectDeadLetters;
        command.Parameters.AddWithValue("$max", max);
        command.Parameters.AddWithValue("$province", (object?)province ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var letters = new List<RelayDeadLetter>();
        while (reader.Read())
        {
            letters.Add(new RelayDeadLetter(
                reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                SqliteTimestamp.FromText(reader.GetString(6))));
        }

        return Task.FromResult<IReadOnlyList<RelayDeadLetter>>(letters);
    }

    public Task<int> ReplayDeadLettersAsync(string? province, CancellationToken cancellationToken) =>
        WriteAsync(
            writer =>
            {
                using var transaction = writer.BeginTransaction();
                using var command = writer.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = SqliteFleetStoreSql.ReplayDeadLetters;
                command.Parameters.AddWithValue("$province", (object?)province ?? DBNull.Value);
                var moved = command.ExecuteNonQuery() / 2;
                transaction.Commit();
                return moved;
            },
            cancellationToken);

    /// <summary>Relay columns a file made before them lacks (called by <see cref="MigrateAsync"/> after the relay tables).</summary>
    private static void AddRelayColumns(SqliteCommand command)
    {
        foreach (var (table, column, type) in SqliteFleetStoreSql.AddedRelayColumns)
        {
            command.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
            if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                command.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {type}";
                command.ExecuteNonQuery();
            }
        }
    }
}
