using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Outbox;

/// <summary>
/// Acknowledged check-ins stay as local history (never sent again) and are purged, with their personal fields,
/// <c>Kiosk:RetentionAfterAck</c> (14 days) after the fleet's ack; unacknowledged ones never are.
/// </summary>
public sealed class OutboxRetentionTests : IDisposable
{
    private static readonly CheckInSubject Subject = new("person-key-1", "Trần Thị Mai", "2005-10-20", null);
    private readonly TempDirectory _dir = new("outbox-retention");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Acknowledge_Named_LeavesPendingForHistoryAndIsNeverPeekedAgain()
    {
        using var outbox = Open();
        var records = await RecordAsync(outbox, 3);

        Assert.Equal(2, outbox.Acknowledge([Ack(records[0]), Ack(records[2])]));
        Assert.Equal(0, outbox.Acknowledge([Ack(records[0])])); // a repeated ack changes nothing

        Assert.Equal([records[1]], outbox.PeekPending(0, 10));
        var status = outbox.GetStatus();
        Assert.Equal((1L, 2L, 2L, 3L), (status.Pending, status.Acknowledged, status.Retained, status.LastSeq));
        Assert.Equal(records[1].At, status.OldestPendingAt);
    }

    [Fact]
    public async Task PurgeOnce_FourteenDaysAfterEachAck_DeletesExactlyThoseAndNeverPending()
    {
        using var outbox = Open();
        var records = await RecordAsync(outbox, 3);
        var worker = Worker(outbox);
        outbox.Acknowledge([Ack(records[0])]);
        _time.Advance(TimeSpan.FromDays(7));
        outbox.Acknowledge([Ack(records[1])]);

        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, worker.PurgeOnce()); // the first is 1 s short of 14 days

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, worker.PurgeOnce());
        Assert.Equal(1L, outbox.GetStatus().Retained);

        _time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, worker.PurgeOnce());

        _time.Advance(TimeSpan.FromDays(365));
        Assert.Equal(0, worker.PurgeOnce());
        var status = outbox.GetStatus();
        Assert.Equal((1L, 0L, 2L), (status.Pending, status.Retained, status.Acknowledged));
        Assert.Equal(Subject, Assert.Single(outbox.PeekPending(0, 10)).Subject); // the unacknowledged one is whole
    }

    [Fact]
    public async Task ExecuteAsync_FakeClockPastRetention_PurgesOnItsInterval()
    {
        using var outbox = Open();
        var records = await RecordAsync(outbox, 2);
        outbox.Acknowledge([.. records.Select(Ack)]);
        using var worker = Worker(outbox);
        await worker.StartAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(14) + TimeSpan.FromHours(1));

        await Eventually.TrueAsync(() => outbox.GetStatus().Retained == 0, TimeSpan.FromSeconds(20), "the purge to run after the clock passed 14 days");
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Reopen_WithHistory_KeepsHistoryCountersAndSequence()
    {
        using (var outbox = Open())
        {
            var records = await RecordAsync(outbox, 3);
            outbox.Acknowledge([.. records.Select(Ack)]);
        }

        using var reopened = Open();
        var next = await reopened.RecordAsync(Scan(), CancellationToken.None);

        Assert.Equal(4, next.Seq);
        var status = reopened.GetStatus();
        Assert.Equal((1L, 3L, 3L), (status.Pending, status.Acknowledged, status.Retained));
        Assert.Equal([next], reopened.PeekPending(0, 10));
    }

    [Fact]
    public async Task PurgeOnce_Purged_SealedSubjectBytesGoneFromTheFiles()
    {
        using (var outbox = Open())
        {
            var records = await RecordAsync(outbox, 1);
            outbox.Acknowledge([Ack(records[0])]);
        }

        byte[] sealedSubject;
        using (var db = OutboxDatabase.Open(new FileOutboxStorage(_dir.Path)))
        {
            sealedSubject = db.Acked.FindById(1)["p"].AsBinary;
        }

        Assert.True(Contains(sealedSubject), "the sealed subject is in the files before the purge");
        using (var outbox = Open())
        {
            _time.Advance(TimeSpan.FromDays(15));
            Assert.Equal(1, Worker(outbox).PurgeOnce());
        }

        Assert.False(Contains(sealedSubject), "the sealed subject is still in the files after the purge");
    }

    private bool Contains(byte[] needle) =>
        Directory.GetFiles(_dir.Path, "outbox*.db").Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0);

    public void Dispose() => _dir.Dispose();

    private static AcknowledgedCheckIn Ack(CheckInRecorded c) => new(c.Id, c.Seq);

    private async Task<List<CheckInRecorded>> RecordAsync(LiteDbCheckInOutbox outbox, int count)
    {
        var records = new List<CheckInRecorded>();
        for (var i = 0; i < count; i++)
        {
            records.Add(await outbox.RecordAsync(Scan(), CancellationToken.None));
        }

        return records;
    }

    private OutboxRetentionWorker Worker(ICheckInOutbox outbox) =>
        new(outbox, Options.Create(new RetentionOptions()), _time, NullLogger<OutboxRetentionWorker>.Instance);

    private LiteDbCheckInOutbox Open() =>
        new(new FileOutboxStorage(_dir.Path), "kiosk-1", "site-1", _time, NullLogger<LiteDbCheckInOutbox>.Instance, OutboxCipher.ForDataDir(_dir.Path));

    private ScannedCode Scan() => new(_time.GetUtcNow(), CodeFormats.CitizenId, VerdictCodes.Unverified, "hash", Subject: Subject);
}
