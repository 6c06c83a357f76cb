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
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

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
        async Task<OutboxRun> MeasureAsync(string peer, Func<string, ICheckInRecorder> open, int callers, int max)
        {
            Console.Error.WriteLine($"outbox: {peer}, {callers} caller(s)...");
            var run = await OutboxRun.MeasureAsync(peer, open, work.Sub($"run-{runs.Count}"), callers, max, Budget, device, cancellationToken);
            runs.Add(run);
            return run;
        }

        var floorSingle = await MeasureAsync("floor: fsync'd append", floor, 1, 5_000);
        var outboxSingle = await MeasureAsync("LiteDB outbox", outbox, 1, 5_000);
        var naiveSingle = await MeasureAsync("naive LiteDB insert + checkpoint", naive, 1, 2_000);
        var floorGroup = await MeasureAsync("floor: fsync'd append", floor, GroupCallers, 100_000);
        var outboxGroup = await MeasureAsync("LiteDB outbox", outbox, GroupCallers, 100_000);

        var table = new ResultTable(
            "Durable check-ins (each acknowledged only after fsync)",
            "peer", "callers", "check-ins", "time", "check-ins/s", "fsyncs/check-in", "written B/check-in", "block-device B/check-in", "whole disk B/check-in");
        foreach (var r in runs)
        {
            table.Add(r.Peer, r.Callers, r.Count, r.Elapsed, r.PerSecond, r.Syncs / (double?)r.Count, r.AppBytesPerCheckIn, r.BlockBytesPerCheckIn, r.DeviceBytesPerCheckIn);
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
