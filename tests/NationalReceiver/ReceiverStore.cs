using Microsoft.Data.Sqlite;
using ScanPoint.Contracts.Intake;

namespace ScanPoint.NationalReceiver;

/// <summary>
/// What the receiver holds: one SQLite file (WAL, <c>synchronous=FULL</c>, so a 200 means on disk), one row per
/// check-in id with the number of times it was delivered, and one row per batch id with the number of posts.
/// Writes are serialised on one connection.
/// </summary>
public sealed class ReceiverStore : IDisposable
{
    private readonly SqliteConnection _writer;
    private readonly string _readerConnectionString;
    private readonly SemaphoreSlim _lock = new(1, 1);

    public ReceiverStore(string databasePath)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _writer = new SqliteConnection(builder.ToString());
        _writer.Open();
        Execute(_writer, ReceiverSql.Pragmas + ReceiverSql.CreateTables);
        builder.Mode = SqliteOpenMode.ReadOnly;
        builder.Pooling = true;
        _readerConnectionString = builder.ToString();
    }

    /// <summary>Stores a valid batch in one transaction: new ids accepted, known ids duplicates, invalid items rejected.</summary>
    public async Task<IntakeResult> StoreAsync(IntakeBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            using var transaction = _writer.BeginTransaction();
            var result = ReceiverBatchInsert.Insert(_writer, transaction, batch, now);
            transaction.Commit();
            return result;
        }
        finally
        {
            _lock.Release();
        }
    }

    public ReceiverCounts Counts()
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = ReceiverSql.SelectCounts;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new ReceiverCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>How many distinct check-ins are held (cheaper than <see cref="Counts"/>).</summary>
    public long Held()
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM check_ins";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Held check-ins in id order after <paramref name="afterId"/>, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<HeldCheckIn> List(string afterId, int limit)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = ReceiverSql.SelectCheckIns;
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var held = new List<HeldCheckIn>();
        while (reader.Read())
        {
            held.Add(new HeldCheckIn(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetInt64(4)));
        }

        return held;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _lock.Dispose();
        using var pooled = new SqliteConnection(_readerConnectionString);
        SqliteConnection.ClearPool(pooled);
    }

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_readerConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>Held: distinct check-ins; Deliveries: every time one was sent (so Deliveries − Held were duplicates).</summary>
public sealed record ReceiverCounts(long Held, long Deliveries, long Batches, long BatchPosts)
{
    public long Duplicates => Deliveries - Held;
}

/// <summary>One held check-in: how it is named and how often it was delivered.</summary>
public sealed record HeldCheckIn(string Id, string DeviceId, long Seq, string PayloadHash, long Deliveries);
