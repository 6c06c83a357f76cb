using System.Threading.Channels;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Hardware.Scanning;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>
/// The outbox in LiteDB. Every record goes through one writer loop that commits whatever has queued up as one
/// transaction (group commit) and waits for it to be on stable storage before any caller hears "recorded".
/// Acknowledged check-ins move to a local history (never sent again) until <see cref="PurgeAcknowledged"/> deletes
/// them; their count and highest sequence number live in a counters document so sequence numbers never repeat.
/// Subjects are stored sealed with <see cref="OutboxCipher"/>; a record whose subject does not open (wrong key,
/// tampered file) is kept and reported, not sent and not lost.
/// </summary>
public sealed class LiteDbCheckInOutbox : ICheckInOutbox
{
    /// <summary>Most check-ins committed in one transaction.</summary>
    public const int MaxGroup = 256;

    private readonly IOutboxStorage _storage;
    private readonly string _deviceId;
    private readonly string _siteId;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OutboxCipher? _cipher;
    private readonly SubjectOpener _opener;
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new() { SingleReader = true });
    private readonly Lock _dbLock = new();
    private readonly Task _writer;
    private OutboxDatabase? _db;
    private long _lastSeq;
    private long _pending;
    private long _acknowledged;
    private long _retained;

    /// <param name="cipher">Seals subjects; without one, a scan with a subject is refused and stored subjects are unreadable.</param>
    public LiteDbCheckInOutbox(
        IOutboxStorage storage, string deviceId, string siteId, TimeProvider time, ILogger<LiteDbCheckInOutbox> logger, OutboxCipher? cipher = null)
    {
        (_storage, _deviceId, _siteId, _time, _logger, _cipher) = (storage, deviceId, siteId, time, logger, cipher);
        _opener = new SubjectOpener(cipher, logger);
        lock (_dbLock)
        {
            EnsureOpen();
        }

        _writer = Task.Factory.StartNew(WriteLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    public Task<CheckInRecorded> RecordAsync(ScannedCode scan, CancellationToken cancellationToken)
    {
        if (scan.Subject is not null && _cipher is null)
        {
            throw new InvalidOperationException("this outbox has no key: it cannot store a subject");
        }

        var request = new Request(scan, new TaskCompletionSource<CheckInRecorded>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_requests.Writer.TryWrite(request), this);

        return request.Done.Task.WaitAsync(cancellationToken);
    }

    public IReadOnlyList<CheckInRecorded> PeekPending(long afterSeq, int max)
    {
        lock (_dbLock)
        {
            // Only durable check-ins leave the kiosk: a commit still waiting for its fsync could be lost in a power
            // cut and its sequence number reused, and the fleet would then ignore the new check-in as a repeat.
            return EnsureOpen().PendingBetween(afterSeq, _lastSeq).Select(_opener.TryRead).OfType<CheckInRecorded>().Take(max).ToList();
        }
    }

    public int Acknowledge(IReadOnlyCollection<AcknowledgedCheckIn> items)
    {
        lock (_dbLock)
        {
            var db = EnsureOpen();
            try
            {
                var deleted = db.MoveAcknowledged(items, _time.GetUtcNow());
                _pending -= deleted;
                _acknowledged += deleted;
                _retained += deleted;
                return deleted;
            }
            catch (Exception ex) when (ex is IOException or LiteException)
            {
                Close(ex);
                throw new IOException("acknowledgement not applied: " + ex.Message, ex); // the check-ins stay pending
            }
        }
    }

    public OutboxStatus GetStatus()
    {
        lock (_dbLock)
        {
            var db = EnsureOpen();
            var oldest = db.Pending.Find(Query.All("_id", Query.Ascending), 0, 1).FirstOrDefault();
            return new OutboxStatus(_pending, oldest is null ? null : OutboxDocuments.At(oldest), _acknowledged, _lastSeq)
            {
                Retained = _retained,
                Unreadable = _opener.UnreadableCount,
            };
        }
    }

    public int PurgeAcknowledged(DateTimeOffset acknowledgedBefore)
    {
        lock (_dbLock)
        {
            var db = EnsureOpen();
            try
            {
                var purged = db.PurgeAcknowledged(acknowledgedBefore);
                _retained -= purged;
                return purged;
            }
            catch (Exception ex) when (ex is IOException or LiteException)
            {
                Close(ex);
                throw new IOException("retention purge not applied: " + ex.Message, ex);
            }
        }
    }

    public long ReadCursor(string source)
    {
        lock (_dbLock)
        {
            return EnsureOpen().ReadCursor(source);
        }
    }

    public void Dispose()
    {
        _requests.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
        lock (_dbLock)
        {
            _db?.Dispose();
            _db = null;
        }
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Request>(MaxGroup);
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (group.Count < MaxGroup && _requests.Reader.TryRead(out var request))
            {
                group.Add(request);
            }

            CommitGroup(group);
            group.Clear();
        }
    }

    private void CommitGroup(List<Request> group)
    {
        lock (_dbLock)
        {
            try
            {
                var db = EnsureOpen();
                var records = group.Select((r, i) => NewCheckIn(r.Scan, _lastSeq + i + 1)).ToList();
                db.InsertDurably([.. records.Select(c => OutboxDocuments.ToDocument(c, _cipher))], group.Select(r => r.Scan.Cursor).OfType<SourceCursor>());
                _lastSeq += records.Count;
                _pending += records.Count;
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Done.TrySetResult(records[i]);
                }
            }
            catch (Exception ex)
            {
                Log.OutboxCommitFailed(_logger, group.Count, ex);
                Close(ex);
                foreach (var request in group)
                {
                    request.Done.TrySetException(new IOException("check-in not recorded: " + ex.Message, ex));
                }
            }
        }
    }

    private CheckInRecorded NewCheckIn(ScannedCode scan, long seq) =>
        new(Ulid.NewUlid(_time.GetUtcNow()).ToString(), seq, _deviceId, _siteId, scan.At, scan.Format, scan.Verdict, scan.PayloadHash, scan.Subject);

    private OutboxDatabase EnsureOpen()
    {
        if (_db is not null)
        {
            return _db;
        }

        var db = OutboxDatabase.Open(_storage);
        (_lastSeq, _pending, _acknowledged) = db.ReadCounters();
        _retained = db.Acked.LongCount();
        _db = db;
        return db;
    }

    private void Close(Exception cause)
    {
        Log.OutboxReopening(_logger, cause.Message);
        try
        {
            _db?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or LiteException or ObjectDisposedException or InvalidOperationException)
        {
            Log.OutboxCloseFailed(_logger, ex.Message);
        }

        _db = null;
    }

    private sealed record Request(ScannedCode Scan, TaskCompletionSource<CheckInRecorded> Done);
}
