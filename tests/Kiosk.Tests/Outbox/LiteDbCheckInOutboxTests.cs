using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Hardware.Scanning;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Outbox;

/// <summary>The outbox on real files: ids, sequence numbers, acknowledgements, counters, reopening.</summary>
public sealed class LiteDbCheckInOutboxTests : IDisposable
{
    private readonly TempDirectory _dir = new("outbox");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RecordAsync_Sequential_AssignsMonotonicSeqAndUniqueIds()
    {
        using var outbox = Open();
        var records = new List<CheckInRecorded>();
        for (var i = 0; i < 5; i++)
        {
            records.Add(await outbox.RecordAsync(Scan(i), CancellationToken.None));
        }

        Assert.Equal([1L, 2, 3, 4, 5], records.Select(r => r.Seq));
        Assert.Equal(5, records.Select(r => r.Id).Distinct().Count());
        Assert.All(records, r => Assert.Equal(("kiosk-1", "site-1"), (r.DeviceId, r.SiteId)));
        Assert.Equal(records, outbox.PeekPending(0, 10));
    }

    [Fact]
    public async Task RecordAsync_Concurrent_EveryCallerGetsItsOwnDurableSeq()
    {
        using var outbox = Open();
        var records = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => outbox.RecordAsync(Scan(i), CancellationToken.None)));

        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), records.Select(r => r.Seq).Order());
        Assert.True(FileStats.Syncs < 300, $"group commit should share fsyncs, saw {FileStats.Syncs}");
    }

    [Fact]
    public async Task Acknowledge_MatchingIdAndSeq_DeletesAndCounts()
    {
        using var outbox = Open();
        var a = await outbox.RecordAsync(Scan(1), CancellationToken.None);
        var b = await outbox.RecordAsync(Scan(2), CancellationToken.None);

        var deleted = outbox.Acknowledge([new AcknowledgedCheckIn(a.Id, a.Seq), new AcknowledgedCheckIn("wrong-id", b.Seq), new AcknowledgedCheckIn("x", 99)]);

        Assert.Equal(1, deleted);
        Assert.Equal([b], outbox.PeekPending(0, 10));
        var status = outbox.GetStatus();
        Assert.Equal((1L, 1L, 2L), (status.Pending, status.Acknowledged, status.LastSeq));
        Assert.Equal(b.At, status.OldestPendingAt);
    }

    [Fact]
    public async Task Reopen_AfterEverythingAcknowledged_SequenceContinues()
    {
        using (var outbox = Open())
        {
            var records = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => outbox.RecordAsync(Scan(i), CancellationToken.None)));
            outbox.Acknowledge(records.Select(r => new AcknowledgedCheckIn(r.Id, r.Seq)).ToList());
        }

        using var reopened = Open();
        var next = await reopened.RecordAsync(Scan(9), CancellationToken.None);

        Assert.Equal(4, next.Seq);
        Assert.Equal((1L, 3L), (reopened.GetStatus().Pending, reopened.GetStatus().Acknowledged));
    }

    [Fact]
    public async Task ReadCursor_CommittedWithCheckIn_SurvivesReopen()
    {
        using (var outbox = Open())
        {
            await outbox.RecordAsync(Scan(1) with { Cursor = new SourceCursor("lines:/a", 120) }, CancellationToken.None);
            await outbox.RecordAsync(Scan(2) with { Cursor = new SourceCursor("lines:/a", 240) }, CancellationToken.None);
        }

        using var reopened = Open();
        Assert.Equal(240, reopened.ReadCursor("lines:/a"));
        Assert.Equal(0, reopened.ReadCursor("lines:/other"));
    }

    [Fact]
    public async Task PeekPending_AfterSeq_ReturnsOnlyLaterOnesInOrder()
    {
        using var outbox = Open();
        for (var i = 0; i < 10; i++)
        {
            await outbox.RecordAsync(Scan(i), CancellationToken.None);
        }

        Assert.Equal([5L, 6, 7], outbox.PeekPending(4, 3).Select(r => r.Seq));
    }

    [Fact]
    public async Task RecordAsync_SingleCheckIn_WritesAFewPagesNotTheWholeFile()
    {
        using var outbox = Open();
        await outbox.RecordAsync(Scan(0), CancellationToken.None);
        var before = FileStats.Bytes;

        await outbox.RecordAsync(Scan(1), CancellationToken.None);

        // a commit is its dirty 8 KiB pages in the log (data page + index page + confirmation), no checkpoint
        Assert.InRange(FileStats.Bytes - before, 8192, 4 * 8192);
    }

    [Fact]
    public async Task RecordAsync_OneByOne_OneFsyncPerCommit()
    {
        using var outbox = Open();
        await outbox.RecordAsync(Scan(0), CancellationToken.None);
        var before = FileStats.Syncs;

        for (var i = 1; i <= 20; i++)
        {
            await outbox.RecordAsync(Scan(i), CancellationToken.None);
        }

        // LiteDB flushes its log after every page it writes; only the barrier's sync reaches the disk
        Assert.Equal(20, FileStats.Syncs - before);
    }

    public void Dispose() => _dir.Dispose();

    private WriteStats FileStats { get; set; } = new();

    private LiteDbCheckInOutbox Open()
    {
        var storage = new FileOutboxStorage(_dir.Path);
        FileStats = storage.Stats;
        return new LiteDbCheckInOutbox(storage, "kiosk-1", "site-1", _time, NullLogger<LiteDbCheckInOutbox>.Instance);
    }

    private static ScannedCode Scan(int n) =>
        new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero).AddSeconds(n), CodeFormats.Dcc, VerdictCodes.Unverified, $"hash-{n}");
}
