using System.Diagnostics;
using ScanPoint.Benchmarks.Fleet;
using ScanPoint.Benchmarks.Ingest;
using ScanPoint.Benchmarks.Measuring;
using static ScanPoint.Benchmarks.Measuring.ResultTable;

namespace ScanPoint.Benchmarks.Relay;

/// <summary>
/// <c>relay</c>: the fleet server (PostgreSQL store) relays to the reference receiver (SQLite, on loopback, same
/// process). Measured in one run: (1) ingest alone, relay off — the peer; (2) the relay draining the backlog that
/// ingest left, alone; (3) ingest and relay at once, from an empty store — until the receiver holds everything.
/// Reported as check-ins per second and as ratios to ingest. Target: relay ≥ 20,000/s and ≥ the ingest rate.
/// </summary>
internal static class RelayBenchmark
{
    private const double Target = 20_000;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(180);

    public static async Task<bool> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        if (options.Postgres is not { Length: > 0 } postgres)
        {
            Console.WriteLine("relay: not run: set SCANPOINT_TEST_POSTGRES or pass --postgres");
            return false;
        }

        var workload = IngestWorkload.Create(options.Kiosks, options.BatchesPerKiosk, options.BatchSize);
        using var work = new WorkFolder(options.Folder, "relay");
        string[] relay = [$"--Relay:BatchSize={options.RelayBatchSize}", $"--Relay:MaxInFlight={options.RelayInFlight}", "--Relay:PollInterval=00:00:00.020"];
        Console.WriteLine($"folder: {work.Path} on {BlockDevice.ForPath(work.Path)}; postgres: {await PostgresSchema.DescribeAsync(postgres, cancellationToken)}");
        Console.WriteLine($"{options.Kiosks} kiosks × {options.BatchesPerKiosk} batches × {options.BatchSize} check-ins = {workload.CheckIns:N0}; relay batches of {options.RelayBatchSize}, {options.RelayInFlight} in flight");
        var table = new ResultTable(
            "Relay to the reference receiver (loopback) vs ingest, PostgreSQL store",
            "phase", "check-ins", "time", "check-ins/s", "vs ingest alone", "machine CPU", "receiver holds", $"target ≥ {Target:N0}/s");

        await using (var schema = await PostgresSchema.CreateAsync(postgres, cancellationToken))
        {
            var storage = FleetStorage.Postgres(schema);
            await FleetServerHost.RegisterAsync(storage, workload.Devices, cancellationToken);
            Console.Error.WriteLine("relay: (1) ingest, relay off...");
            var ingest = await MeasureAsync(() => IngestAsync(storage, workload, options.Window, [], cancellationToken));
            table.Add("(1) ingest alone, relay off (peer)", workload.CheckIns, ingest.Elapsed, ingest.PerSecond(workload.CheckIns), "1.00", $"{ingest.Cpu:P0}", "", "");

            Console.Error.WriteLine("relay: (2) relay of the backlog...");
            (TimeSpan Elapsed, double Cpu) drain;
            await using var receiver = await BenchReceiver.StartAsync(work.Sub("receiver-2"), cancellationToken);
            var drained = 0L;
            await using (var fleet = await FleetServerHost.StartAsync(storage, cancellationToken, [.. relay, $"--Relay:Url={receiver.Url}"]))
            {
                var before = receiver.Held(); // relayed while the server started: left out of the timed part
                drained = workload.CheckIns - before;
                var timed = await MeasureAsync(() => UntilHeldAsync(receiver, workload.CheckIns, cancellationToken));
                drain = timed;
            }

            var held = receiver.Counts();
            table.Add("(2) relay of the backlog, alone", drained, drain.Elapsed, drain.PerSecond(drained), Ratio(drain.PerSecond(drained), ingest.PerSecond(workload.CheckIns)), $"{drain.Cpu:P0}", $"{held.Held:N0} ({held.Duplicates} dup)", Verdict(drain.PerSecond(drained), held.Held == workload.CheckIns));

            Console.Error.WriteLine("relay: (3) ingest and relay at once...");
            await using var fresh = await PostgresSchema.CreateAsync(postgres, cancellationToken);
            var both = FleetStorage.Postgres(fresh);
            await FleetServerHost.RegisterAsync(both, workload.Devices, cancellationToken);
            await using var receiver3 = await BenchReceiver.StartAsync(work.Sub("receiver-3"), cancellationToken);
            var ingestDone = TimeSpan.Zero;
            var together = await MeasureAsync(async () =>
            {
                var clock = Stopwatch.StartNew();
                await using var fleet = await StartAndIngestAsync(both, workload, options.Window, [.. relay, $"--Relay:Url={receiver3.Url}"], cancellationToken);
                ingestDone = clock.Elapsed;
                await UntilHeldAsync(receiver3, workload.CheckIns, cancellationToken);
            });
            held = receiver3.Counts();
            table.Add("(3a) ingest with relay running", workload.CheckIns, ingestDone, workload.CheckIns / ingestDone.TotalSeconds, Ratio(workload.CheckIns / ingestDone.TotalSeconds, ingest.PerSecond(workload.CheckIns)), "", "", "");
            table.Add("(3b) relay with ingest running: all held", workload.CheckIns, together.Elapsed, together.PerSecond(workload.CheckIns), Ratio(together.PerSecond(workload.CheckIns), ingest.PerSecond(workload.CheckIns)), $"{together.Cpu:P0}", $"{held.Held:N0} ({held.Duplicates} dup)", Verdict(together.PerSecond(workload.CheckIns), held.Held == workload.CheckIns));
            Console.WriteLine($"(3) the receiver held everything {(together.Elapsed - ingestDone).TotalSeconds:N1} s after the last acknowledgement");
        }

        table.Print();
        return true;
    }

    private static string Verdict(double perSecond, bool complete) => !complete ? "INCOMPLETE" : perSecond >= Target ? "met" : "MISSED";

    private static async Task<(TimeSpan Elapsed, double Cpu)> MeasureAsync(Func<Task> body)
    {
        var cpu = CpuUsage.Read();
        var clock = Stopwatch.StartNew();
        await body();
        var elapsed = clock.Elapsed;
        return (elapsed, CpuUsage.Read().MachineBusySince(cpu));
    }

    private static double PerSecond(this (TimeSpan Elapsed, double Cpu) measured, long count) => count / measured.Elapsed.TotalSeconds;

    private static async Task IngestAsync(FleetStorage storage, IngestWorkload workload, int window, string[] args, CancellationToken cancellationToken)
    {
        await using var fleet = await StartAndIngestAsync(storage, workload, window, args, cancellationToken);
    }

    /// <summary>Starts the fleet, publishes the workload from simulated kiosks, returns the still-running fleet once all is acknowledged.</summary>
    private static async Task<FleetServerHost> StartAndIngestAsync(FleetStorage storage, IngestWorkload workload, int window, string[] args, CancellationToken cancellationToken)
    {
        var fleet = await FleetServerHost.StartAsync(storage, cancellationToken, args);
        var kiosks = await Task.WhenAll(workload.Devices.Select((d, k) => SimulatedKiosk.ConnectAsync(d, fleet.MqttPort, workload.Payloads(k), window, cancellationToken)));
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(Limit);
            await Task.WhenAll(kiosks.Select(k => Task.Run(() => k.PublishAllAsync(limit.Token), limit.Token)));
            return fleet;
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
        finally
        {
            foreach (var kiosk in kiosks)
            {
                kiosk.Dispose();
            }
        }
    }

    private static async Task UntilHeldAsync(BenchReceiver receiver, long count, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        // Polled 4 times a second: counting the receiver's rows is not free, and must not slow what it measures.
        while (receiver.Held() < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), limit.Token);
        }
    }
}
