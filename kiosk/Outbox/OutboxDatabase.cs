using LiteDB;
using LiteDB.Engine;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Hardware.Scanning;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>One open LiteDB outbox over its two durable streams. Not thread-safe: the outbox serialises access.</summary>
internal sealed class OutboxDatabase : IDisposable
{
    private const string CountersId = "counters";
    private const string CursorPrefix = "cursor:";
    private readonly FaultTrackingStream _data;
    private readonly FaultTrackingStream _log;
    private readonly LiteEngine _engine;
    private readonly LiteDatabase _db;
    private readonly LiteDbCommitBarrier _barrier;

    private OutboxDatabase(FaultTrackingStream data, FaultTrackingStream log)
    {
        (_data, _log) = (data, log);
        _engine = new LiteEngine(new EngineSettings { DataStream = data, LogStream = log });
        _db = new LiteDatabase(_engine, disposeOnClose: true);
        _barrier = new LiteDbCommitBarrier(_engine, data, log);
        Pending = _db.GetCollection("pending");
        Acked = _db.GetCollection("acked");
        Meta = _db.GetCollection("meta");
    }

    public ILiteCollection<BsonDocument> Pending { get; }

    /// <summary>Acknowledged check-ins kept as local history until the retention purge; never sent again.</summary>
    public ILiteCollection<BsonDocument> Acked { get; }

    public ILiteCollection<BsonDocument> Meta { get; }

    public static OutboxDatabase Open(IOutboxStorage storage)
    {
        var data = new FaultTrackingStream(storage.OpenData());
        FaultTrackingStream? log = null;
        try
        {
            log = new FaultTrackingStream(storage.OpenLog());
            return new OutboxDatabase(data, log);
        }
        catch
        {
            log?.Dispose();
            data.Dispose();
            throw;
        }
    }

    /// <summary>Last sequence number ever assigned, pending count, acknowledged count.</summary>
    public (long LastSeq, long Pending, long Acknowledged) ReadCounters()
    {
        var counters = Meta.FindById(CountersId);
        var lastAcked = counters?["lastAckedSeq"].AsInt64 ?? 0;
        var acknowledged = counters?["acknowledged"].AsInt64 ?? 0;
        var newest = Pending.Find(Query.All("_id", Query.Descending), 0, 1).FirstOrDefault();
        var lastSeq = Math.Max(lastAcked, newest?["_id"].AsInt64 ?? 0);
        return (lastSeq, Pending.Count(), acknowledged);
    }

    /// <summary>Pending check-ins with <paramref name="afterSeq"/> &lt; seq ≤ <paramref name="upToSeq"/>, oldest first, read lazily.</summary>
    public IEnumerable<BsonDocument> PendingBetween(long afterSeq, long upToSeq) =>
        Pending.Find(Query.And(Query.GT("_id", afterSeq), Query.LTE("_id", upToSeq)));

    /// <summary>Inserts the check-ins in one transaction and returns when that commit is on stable storage.</summary>
    public void InsertDurably(IReadOnlyList<BsonDocument> checkIns, IEnumerable<SourceCursor> cursors)
    {
        if (!_db.BeginTrans())
        {
            throw new InvalidOperationException("outbox transaction already open on this thread");
        }

        try
        {
            Pending.InsertBulk(checkIns, checkIns.Count);
            foreach (var cursor in cursors.GroupBy(c => c.Source).Select(g => g.MaxBy(c => c.Position)!))
            {
                Meta.Upsert(new BsonDocument { ["_id"] = CursorPrefix + cursor.Source, ["p"] = cursor.Position });
            }

            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }

        _barrier.WaitDurable();
    }

    /// <summary>
    /// Moves the named check-ins whose id matches from pending to the acknowledged history, stamped with
    /// <paramref name="ackedAt"/>, and counts them as acknowledged, in one transaction.
    /// </summary>
    public int MoveAcknowledged(IReadOnlyCollection<AcknowledgedCheckIn> items, DateTimeOffset ackedAt)
    {
        _db.BeginTrans();
        try
        {
            var deleted = 0;
            var highest = 0L;
            foreach (var item in items)
            {
                var doc = Pending.FindById(item.Seq);
                if (doc is not null && doc["id"].AsString == item.Id && Pending.Delete(item.Seq))
                {
                    doc[OutboxDocuments.AckedAt] = ackedAt.ToUnixTimeMilliseconds();
                    Acked.Upsert(doc);
                    deleted++;
                    highest = Math.Max(highest, item.Seq);
                }
            }

            if (deleted > 0)
            {
                var counters = Meta.FindById(CountersId) ?? new BsonDocument { ["_id"] = CountersId };
                counters["acknowledged"] = (counters["acknowledged"].IsNull ? 0 : counters["acknowledged"].AsInt64) + deleted;
                counters["lastAckedSeq"] = Math.Max(counters["lastAckedSeq"].IsNull ? 0 : counters["lastAckedSeq"].AsInt64, highest);
                Meta.Upsert(counters);
            }

            _db.Commit();
            return deleted;
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    /// <summary>Deletes the acknowledged check-ins (and with them their sealed subjects) acknowledged before <paramref name="cutoff"/>.</summary>
    public int PurgeAcknowledged(DateTimeOffset cutoff) =>
        Acked.DeleteMany(Query.LT(OutboxDocuments.AckedAt, cutoff.ToUnixTimeMilliseconds()));

    public long ReadCursor(string source) => Meta.FindById(CursorPrefix + source)?["p"].AsInt64 ?? 0;

    /// <summary>Closes the database; after a storage failure too, without leaving LiteDB finalizers that would crash the process.</summary>
    public void Dispose()
    {
        try
        {
            LiteDbTransactionFinalizers.Suppress(_engine);
            _db.Dispose();
        }
        finally
        {
            _log.Dispose();
            _data.Dispose();
        }
    }
}
