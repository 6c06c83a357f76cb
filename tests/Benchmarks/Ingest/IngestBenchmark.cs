using System.Diagnostics;
using ScanPoint.Benchmarks.Fleet;
using ScanPoint.Benchmarks.Measuring;
using ScanPoint.FleetServer.Ingest;
using static ScanPoint.Benchmarks.Measuring.ResultTable;

namespace ScanPoint.Benchmarks.Ingest;

/// <summary>
/// <c>ingest</c>: many simulated kiosks (MQTT clients in this process) publish check-in batches through the fleet
/// server's embedded broker; measured: check-ins acknowledged (so committed) per second, end to end, into PostgreSQL and
/// into SQLite. Peer in the same run: a raw binary COPY of the same rows into PostgreSQL. Target: ≥ 20,000/s.
/// </summary>
internal static class IngestBenchmark
{
    private const double Target = 20_000;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<bool> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var workload = IngestWorkload.Create(options.Kiosks, options.BatchesPerKiosk, options.BatchSize);
        using var work = new WorkFolder(options.Folder, "ingest");
        Console.WriteLine($"folder: {work.Path} on {BlockDevice.ForPath(work.Path)}");
        Console.WriteLine($"{options.Kiosks} kiosks × {options.BatchesPerKiosk} batches × {options.BatchSize} check-ins = {workload.CheckIns:N0}, window {options.Window} batches per kiosk");
        var rowsPerCommit = new IngestOptions().MaxRowsPerCommit;
        var runs = new List<IngestRun>();
        if (options.Postgres is { Length: > 0 } postgres)
        {
            Console.WriteLine($"postgres: {await PostgresSchema.DescribeAsync(postgres, cancellationToken)}");
            await using var schema = await PostgresSchema.CreateAsync(postgres, cancellationToken);
            runs.Add(await EndToEndAsync(FleetStorage.Postgres(schema), workload, options.Window, cancellationToken));
            Console.Error.WriteLine("ingest: binary COPY peer...");
            var cpu = CpuUsage.Read();
            var (rows, elapsed) = await BinaryCopyPeer.RunAsync(schema, [.. workload.RowsInArrivalOrder()], rowsPerCommit, cancellationToken);
            var after = CpuUsage.Read();
            runs.Add(new IngestRun($"binary COPY + INSERT … ON CONFLICT, {rowsPerCommit:N0} rows/commit (peer)", "PostgreSQL", rows, elapsed, null, after.MachineBusySince(cpu), after.ProcessCoresSince(cpu), null));
        }
        else
        {
            runs.Add(new IngestRun("end to end", "PostgreSQL", 0, TimeSpan.Zero, null, double.NaN, double.NaN, "not run: set SCANPOINT_TEST_POSTGRES or pass --postgres"));
        }

        runs.Add(await EndToEndAsync(FleetStorage.Sqlite(work.Sub("fleet")), workload, options.Window, cancellationToken));

        var peer = runs.FirstOrDefault(r => r.Path.EndsWith("(peer)", StringComparison.Ordinal));
        var table = new ResultTable(
            $"Ingest: {options.Kiosks} kiosks, batches of {options.BatchSize}, window {options.Window}",
            "path", "store", "check-ins", "time", "check-ins/s", "vs COPY peer", "machine CPU", "this process (cores)", "in /api/stats", $"target ≥ {Target:N0}/s");
        foreach (var r in runs)
        {
            var verdict = r.Error ?? (r.Path.EndsWith("(peer)", StringComparison.Ordinal) ? "" : r.PerSecond >= Target ? "met" : "MISSED");
            table.Add(r.Path, r.Store, r.CheckIns, r.Elapsed, r.PerSecond, Ratio(r.PerSecond, peer?.PerSecond), $"{r.MachineCpu:P0}", r.ProcessCores, r.StoredAtEnd, verdict);
        }

        table.Print();
        return runs.All(r => r.Error is null);
    }

    private static async Task<IngestRun> EndToEndAsync(FleetStorage storage, IngestWorkload workload, int window, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"ingest: {storage.Name}, end to end...");
        await FleetServerHost.RegisterAsync(storage, workload.Devices, cancellationToken);
        await using var fleet = await FleetServerHost.StartAsync(storage, cancellationToken);
        var kiosks = await Task.WhenAll(workload.Devices.Select((d, k) => SimulatedKiosk.ConnectAsync(d, fleet.MqttPort, workload.Payloads(k), window, cancellationToken)));
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(Limit);
            var cpu = CpuUsage.Read();
            var clock = Stopwatch.StartNew();
            string? error = null;
            try
            {
                await Task.WhenAll(kiosks.Select(k => Task.Run(() => k.PublishAllAsync(limit.Token), limit.Token)));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                error = $"stopped at the {Limit.TotalSeconds:N0} s limit";
            }

            var elapsed = clock.Elapsed;
            var after = CpuUsage.Read();
            var acknowledged = kiosks.Sum(k => k.Acknowledged);
            var stored = await fleet.CheckInsStoredAsync(cancellationToken);
            if (error is null && stored != workload.CheckIns)
            {
                error = $"/api/stats shows {stored:N0} of {workload.CheckIns:N0}";
            }

            return new IngestRun("end to end: MQTT → broker → ingest → commit → ack", storage.Name, acknowledged, elapsed, stored, after.MachineBusySince(cpu), after.ProcessCoresSince(cpu), error);
        }
        finally
        {
            foreach (var kiosk in kiosks)
            {
                kiosk.Dispose();
            }
        }
    }
}
