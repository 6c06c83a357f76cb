using ScanPoint.Benchmarks.Measuring;
using static ScanPoint.Benchmarks.Measuring.ResultTable;

namespace ScanPoint.Benchmarks.Outbox;

/// <summary>
/// <c>outbox</c>: durable check-ins per second and bytes written per check-in, for the kiosk's LiteDB outbox and for
/// the floor (an fsync'd append of the same records to a plain file), one caller at a time and 64 concurrent callers;
/// plus the naive LiteDB insert + checkpoint as the "before" figure.
/// </summary>
internal static class OutboxBenchmark
{
    private const int GroupCallers = 64;
    private const int Rounds = 3;

    /// <summary>Longest a peer records in one configuration, over all its rounds.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(12);

    public static async Task<bool> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        using var work = new WorkFolder(options.Folder, "outbox");
        var device = BlockDevice.ForPath(work.Path);
        Console.WriteLine($"folder: {work.Path} on {device}");
        if (device.IsTmpfs)
        {
            Console.Error.WriteLine("the folder is on tmpfs, where fsync costs nothing: pass --dir on a real disk");
            return false;
        }

        Func<string, ICheckInRecorder> floor = f => new AppendLogRecorder(f);
        Func<string, ICheckInRecorder> outbox = f => new OutboxRecorder(f);
        Func<string, ICheckInRecorder> naive = f => new NaiveLiteDbRecorder(f);
        foreach (var (open, i) in new[] { floor, outbox, naive }.Select((o, i) => (o, i)))
        {
            await OutboxRun.MeasureAsync("warm-up", open, work.Sub($"warmup-{i}"), 4, 200, Budget, device, cancellationToken);
        }

        var runs = new List<OutboxRun>();
        var folders = 0;
        async Task<IReadOnlyList<OutboxRun>> InterleaveAsync(int callers, params (string Peer, Func<string, ICheckInRecorder> Open, int Max)[] peers)
        {
            // Peers take turns, so that a disturbance from outside (the disk is shared) hits them alike.
            var rounds = peers.Select(_ => new List<OutboxRun>()).ToArray();
            for (var round = 0; round < Rounds; round++)
            {
                for (var p = 0; p < peers.Length; p++)
                {
                    Console.Error.WriteLine($"outbox: {peers[p].Peer}, {callers} caller(s), round {round + 1} of {Rounds}...");
                    rounds[p].Add(await OutboxRun.MeasureAsync(
                        peers[p].Peer, peers[p].Open, work.Sub($"run-{folders++}"), callers, peers[p].Max / Rounds, Budget / Rounds, device, cancellationToken));
                }
            }

            var sums = rounds.Select(OutboxRun.Sum).ToList();
            runs.AddRange(sums);
            return sums;
        }

        var single = await InterleaveAsync(1, ("floor: fsync'd append", floor, 6_000), ("LiteDB outbox", outbox, 6_000), ("naive LiteDB insert + checkpoint", naive, 3_000));
        var (floorSingle, outboxSingle, naiveSingle) = (single[0], single[1], single[2]);
        var grouped = await InterleaveAsync(GroupCallers, ("floor: fsync'd append", floor, 150_000), ("LiteDB outbox", outbox, 150_000));
        var (floorGroup, outboxGroup) = (grouped[0], grouped[1]);

        var table = new ResultTable(
            "Durable check-ins (each acknowledged only after fsync)",
            "peer", "callers", "check-ins", "time", "check-ins/s", "per round", "fsyncs/check-in", "written B/check-in", "block-device B/check-in", "whole disk B/check-in");
        foreach (var r in runs)
        {
            table.Add(r.Peer, r.Callers, r.Count, r.Elapsed, r.PerSecond, r.Spread, r.Syncs / (double?)r.Count, r.AppBytesPerCheckIn, r.BlockBytesPerCheckIn, r.DeviceBytesPerCheckIn);
        }

        table.Print();

        var ratios = new ResultTable("LiteDB outbox against its peers (same run)", "comparison", "throughput", "written bytes", "block-device bytes", "whole-disk bytes");
        AddRatios(ratios, "outbox / floor, single caller", outboxSingle, floorSingle);
        AddRatios(ratios, $"outbox / floor, {GroupCallers} callers", outboxGroup, floorGroup);
        AddRatios(ratios, "naive / outbox, single caller", naiveSingle, outboxSingle);
        AddRatios(ratios, $"naive (single) / outbox, {GroupCallers} callers", naiveSingle, outboxGroup);
        ratios.Print();
        Console.WriteLine();
        Console.WriteLine("written = bytes handed to write() (the outbox's and the floor's own WriteStats; /proc/self/io wchar for naive LiteDB);");
        Console.WriteLine("block-device = /proc/self/io write_bytes - cancelled_write_bytes (page-cache pages dirtied: a 4 KiB page per touched page per fsync);");
        Console.WriteLine("whole disk = sectors written on the device meanwhile (/sys/dev/block), journal and metadata included, and any other process's writes.");
        return runs.All(r => r.Count > 0);
    }

    private static void AddRatios(ResultTable table, string what, OutboxRun a, OutboxRun b) => table.Add(
        what,
        Ratio(a.PerSecond, b.PerSecond),
        Ratio(a.AppBytesPerCheckIn, b.AppBytesPerCheckIn),
        Ratio(a.BlockBytesPerCheckIn, b.BlockBytesPerCheckIn),
        Ratio(a.DeviceBytesPerCheckIn, b.DeviceBytesPerCheckIn));
}
