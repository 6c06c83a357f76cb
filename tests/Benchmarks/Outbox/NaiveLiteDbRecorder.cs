using LiteDB;
using ScanPoint.Kiosk.Outbox;

namespace ScanPoint.Benchmarks.Outbox;

/// <summary>
/// The "before" peer from the issue: <c>new LiteDatabase(filename)</c> with LiteDB's own file streams, one insert per
/// check-in (auto-commit) followed by <c>Checkpoint()</c>, which copies the log into the data file every time.
/// Same document shape as the outbox. LiteDB's streams are not counted, so its bytes come from <c>/proc/self/io</c>.
/// </summary>
internal sealed class NaiveLiteDbRecorder : ICheckInRecorder
{
    private readonly Lock _lock = new();
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<BsonDocument> _pending;
    private long _seq;

    public NaiveLiteDbRecorder(string folder)
    {
        _db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(folder, "naive.db") });
        _pending = _db.GetCollection("pending");
    }

    public WriteStats? Stats => null;

    public Task RecordAsync(ScannedCode scan, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var seq = ++_seq;
            _pending.Insert(new BsonDocument
            {
                ["_id"] = seq,
                ["id"] = Ulid.NewUlid(TimeProvider.System.GetUtcNow()).ToString(),
                ["d"] = "bench-kiosk",
                ["s"] = "bench-site",
                ["t"] = scan.At.ToUnixTimeMilliseconds(),
                ["f"] = scan.Format,
                ["v"] = scan.Verdict,
                ["h"] = scan.PayloadHash,
            });
            _db.Checkpoint();
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _db.Dispose();
}
