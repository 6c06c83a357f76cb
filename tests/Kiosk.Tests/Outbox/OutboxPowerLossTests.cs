using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Hardware.Scanning;
using ScanPoint.Kiosk.Outbox;
using Xunit.Abstractions;

namespace ScanPoint.Kiosk.Tests.Outbox;

/// <summary>
/// The outbox's promise under power loss: cut the power at a random point of a workload (records one by one and in
/// concurrent groups, acknowledgements, cursors), keep only what was forced to disk (maybe tearing the last write),
/// and the outbox must open again with every check-in that was reported recorded and not acknowledged — intact —
/// and must never hand out a reported sequence number twice. 20 crash points by default; 200 with
/// SCANPOINT_LONG_TESTS=1.
/// </summary>
public class OutboxPowerLossTests(ITestOutputHelper output)
{
    private static int CrashPoints => Environment.GetEnvironmentVariable("SCANPOINT_LONG_TESTS") == "1" ? 200 : 20;

    [Fact]
    public async Task Record_PowerCutAtRandomPoints_EveryReportedCheckInSurvives()
    {
        var totalOperations = await MeasureWorkloadOperationsAsync();
        var random = new Random(20261123);
        for (var i = 0; i < CrashPoints; i++)
        {
            var seed = random.Next();
            var crashAt = 1 + new Random(seed).NextInt64(totalOperations);
            output.WriteLine($"crash point {i}: seed {seed}, after operation {crashAt} of {totalOperations}");
            await CrashAndVerifyAsync(seed, crashAt);
        }
    }

    [Fact]
    public async Task Record_NoPowerCut_WorkloadCompletes()
    {
        var disk = new CrashingDisk(1);
        var log = await RunWorkloadAsync(disk);
        Assert.Equal(Workload.Total, log.Reported.Count);
        Assert.Empty(log.Failures);
    }

    private static async Task<long> MeasureWorkloadOperationsAsync()
    {
        var disk = new CrashingDisk(0);
        await RunWorkloadAsync(disk);
        return disk.Operations;
    }

    private static async Task CrashAndVerifyAsync(int seed, long crashAt)
    {
        var disk = new CrashingDisk(seed) { CrashAfterOperations = crashAt };
        var log = await RunWorkloadAsync(disk);
        disk.PowerCycle();

        // whatever the failed engine left behind must not crash the process from the finalizer thread
        GC.Collect();
        GC.WaitForPendingFinalizers();

        using var reopened = Open(disk);
        var pending = reopened.PeekPending(0, 10_000).ToDictionary(c => c.Seq);
        foreach (var reported in log.Reported.Values.Where(r => !log.Acknowledged.Contains(r.Seq)))
        {
            Assert.True(pending.TryGetValue(reported.Seq, out var found), $"seed {seed}: reported check-in {reported.Seq} lost");
            Assert.Equal(reported, found);
        }

        var next = await reopened.RecordAsync(Workload.Scan(999), CancellationToken.None);
        var highestReported = log.Reported.Keys.DefaultIfEmpty(0).Max();
        Assert.True(next.Seq > highestReported, $"seed {seed}: sequence {next.Seq} reused (highest reported {highestReported})");
        var cursor = reopened.ReadCursor(Workload.CursorSource);
        var reportedCursor = log.Reported.Values.Select(r => Workload.CursorFor(r)).DefaultIfEmpty(0).Max();
        Assert.True(cursor >= reportedCursor, $"seed {seed}: cursor {cursor} behind the reported {reportedCursor}");
    }

    private static LiteDbCheckInOutbox Open(CrashingDisk disk) =>
        new(disk, "kiosk-1", "site-1", new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)), NullLogger<LiteDbCheckInOutbox>.Instance);

    private static async Task<WorkloadLog> RunWorkloadAsync(CrashingDisk disk)
    {
        var log = new WorkloadLog();
        LiteDbCheckInOutbox outbox;
        try
        {
            outbox = Open(disk);
        }
        catch (IOException)
        {
            return log; // the power went while the outbox was being created
        }

        using (outbox)
        {
            var n = 0;
            for (var round = 0; round < Workload.Rounds; round++)
            {
                // one by one, as a single imager scans ...
                for (var i = 0; i < Workload.Single; i++)
                {
                    await log.RecordAsync(outbox, Workload.Scan(n++));
                }

                // ... then a burst from several sources, committed as groups
                await Task.WhenAll(Enumerable.Range(0, Workload.Burst).Select(_ => log.RecordAsync(outbox, Workload.Scan(Interlocked.Increment(ref n)))));

                // the fleet acknowledges the oldest few
                log.Acknowledge(outbox, log.Reported.Values.OrderBy(r => r.Seq).Take(Workload.AckPerRound).ToList());
            }
        }

        return log;
    }

    private static class Workload
    {
        public const int Rounds = 4;
        public const int Single = 5;
        public const int Burst = 12;
        public const int AckPerRound = 6;
        public const int Total = Rounds * (Single + Burst);
        public const string CursorSource = "lines:/replay";

        public static ScannedCode Scan(int n) => new(
            new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero).AddSeconds(n),
            CodeFormats.Dcc,
            VerdictCodes.Unverified,
            $"hash-{n:D6}",
            new SourceCursor(CursorSource, 1000 + n));

        public static long CursorFor(CheckInRecorded r) => 1000 + int.Parse(r.PayloadHash["hash-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class WorkloadLog
    {
        private readonly Lock _lock = new();

        public Dictionary<long, CheckInRecorded> Reported { get; } = [];

        public HashSet<long> Acknowledged { get; } = [];

        public List<Exception> Failures { get; } = [];

        public async Task RecordAsync(ICheckInOutbox outbox, ScannedCode scan)
        {
            try
            {
                var recorded = await outbox.RecordAsync(scan, CancellationToken.None);
                lock (_lock)
                {
                    Reported.Add(recorded.Seq, recorded);
                }
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                lock (_lock)
                {
                    Failures.Add(ex);
                }
            }
        }

        public void Acknowledge(ICheckInOutbox outbox, List<CheckInRecorded> items)
        {
            try
            {
                outbox.Acknowledge(items.Where(i => !Acknowledged.Contains(i.Seq)).Select(i => new AcknowledgedCheckIn(i.Id, i.Seq)).ToList());
                Acknowledged.UnionWith(items.Select(i => i.Seq));
            }
            catch (Exception ex) when (ex is IOException or LiteDB.LiteException or InvalidOperationException)
            {
                Failures.Add(ex);
            }
        }
    }
}
