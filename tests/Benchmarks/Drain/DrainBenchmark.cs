using System.Diagnostics;
using ScanPoint.Benchmarks.Fleet;
using ScanPoint.Benchmarks.Measuring;
using ScanPoint.Contracts.Devices;
using static ScanPoint.Benchmarks.Measuring.ResultTable;

namespace ScanPoint.Benchmarks.Drain;

/// <summary>
/// <c>drain</c>: one kiosk with 100,000 queued check-ins (the real kiosk program, as a process) reports them to the
/// real fleet server (in this process) with SQLite and with PostgreSQL. Measured: wall time from starting the kiosk
/// until <c>/api/stats</c> shows them all. Target: ≤ 60 s.
/// </summary>
internal static class DrainBenchmark
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(100);

    public static async Task<bool> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        string[] kioskSettings = [$"--Reporting:BatchSize={options.KioskBatchSize}", $"--Reporting:MaxBatchesInFlight={options.KioskBatchesInFlight}"];
        using var work = new WorkFolder(options.Folder, "drain");
        var credential = DeviceCredential.Create("bench-kiosk-1", "bench", "site-1");
        var template = work.Sub("template");
        Console.Error.WriteLine($"drain: queueing {options.DrainCheckIns:N0} check-ins in the outbox...");
        var fill = await OutboxPrefill.FillAsync(template, credential, options.DrainCheckIns, cancellationToken);
        Console.WriteLine($"folder: {work.Path} on {BlockDevice.ForPath(work.Path)}");
        Console.WriteLine($"outbox filled with {options.DrainCheckIns:N0} check-ins in {Format(fill)} ({Format(options.DrainCheckIns / fill.TotalSeconds)}/s, groups of 256); kiosk settings: {string.Join(' ', kioskSettings)}");

        var ceiling = OutboxDrainCeiling.Measure(template, work.Sub("ceiling"), options.KioskBatchSize, 20);
        Console.WriteLine(
            $"kiosk outbox alone (a copy, 20 batches): PeekPending({ceiling.BatchSize}) {Format(ceiling.PeekPerBatch.TotalMilliseconds)} ms + " +
            $"Acknowledge({ceiling.BatchSize}) {Format(ceiling.AcknowledgePerBatch.TotalMilliseconds)} ms per batch " +
            $"({Format(ceiling.SyncsPerBatch)} fsyncs, {Format(ceiling.BytesPerBatch / 1024)} KiB written) → at most {Format(ceiling.CheckInsPerSecond)} check-ins/s per kiosk");
        var runs = new List<DrainRun> { await DrainAsync(FleetStorage.Sqlite(work.Sub("sqlite-fleet")), work.Sub("sqlite-kiosk"), template, credential, options.DrainCheckIns, kioskSettings, cancellationToken) };
        if (options.Postgres is { Length: > 0 } postgres)
        {
            Console.WriteLine($"postgres: {await PostgresSchema.DescribeAsync(postgres, cancellationToken)}");
            await using var schema = await PostgresSchema.CreateAsync(postgres, cancellationToken);
            runs.Add(await DrainAsync(FleetStorage.Postgres(schema), work.Sub("pg-kiosk"), template, credential, options.DrainCheckIns, kioskSettings, cancellationToken));
        }
        else
        {
            runs.Add(new DrainRun("PostgreSQL", options.DrainCheckIns, null, null, null, null, null, "not run: set SCANPOINT_TEST_POSTGRES or pass --postgres"));
        }

        var table = new ResultTable(
            $"Drain: {options.DrainCheckIns:N0} queued check-ins, one kiosk process → fleet server",
            "fleet store", "check-ins", "kiosk start → all in /api/stats", "check-ins/s", "→ kiosk outbox empty", "kiosk (cores)", "fleet server (cores)", "machine CPU", $"target ≤ {Target.TotalSeconds:N0} s");
        foreach (var r in runs)
        {
            var verdict = r.Error ?? (r.AllStored <= Target ? "met" : "MISSED");
            table.Add(r.Store, r.CheckIns, r.AllStored, r.PerSecond, r.OutboxEmpty, r.KioskCores, r.FleetCores, r.MachineCpu is { } m ? $"{m:P0}" : null, verdict);
        }

        table.Print();
        return runs.All(r => r.AllStored is not null);
    }

    private static async Task<DrainRun> DrainAsync(
        FleetStorage storage, string dataDir, string template, DeviceCredential credential, long count, string[] kioskSettings, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"drain: {storage.Name}...");
        OutboxPrefill.CopyTo(template, dataDir);
        await FleetServerHost.RegisterAsync(storage, [credential], cancellationToken);
        await using var fleet = await FleetServerHost.StartAsync(storage, cancellationToken);
        await KioskProcess.ProvisionAsync(dataDir, fleet.MqttPort, credential, cancellationToken);

        var cpu = CpuUsage.Read();
        var clock = Stopwatch.StartNew();
        await using var kiosk = KioskProcess.Run(dataDir, kioskSettings);
        TimeSpan? allStored = null;
        var stored = 0L;
        var nextReport = TimeSpan.FromSeconds(10);
        while (allStored is null && clock.Elapsed < Limit && !kiosk.HasExited)
        {
            stored = await fleet.CheckInsStoredAsync(cancellationToken);
            allStored = stored >= count ? clock.Elapsed : null;
            if (clock.Elapsed > nextReport)
            {
                Console.Error.WriteLine($"drain: {storage.Name}: {stored:N0} stored after {Format(clock.Elapsed)}");
                nextReport += TimeSpan.FromSeconds(10);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        var cpuStored = CpuUsage.Read();
        double? kioskCores = kiosk.HasExited ? null : kiosk.ProcessorTime / clock.Elapsed;
        TimeSpan? outboxEmpty = null;
        while (allStored is not null && outboxEmpty is null && clock.Elapsed < allStored + TimeSpan.FromSeconds(30) && !kiosk.HasExited)
        {
            var status = await kiosk.QueryOutboxAsync(cancellationToken);
            outboxEmpty = status is { Pending: 0 } ? clock.Elapsed : null;
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        var error = kiosk.HasExited ? "kiosk exited: " + kiosk.RecentOutput : allStored is null ? $"only {stored:N0} stored after {Format(Limit)}" : null;
        if (error is not null)
        {
            Console.Error.WriteLine($"drain: {storage.Name}: {error}{Environment.NewLine}{kiosk.RecentOutput}");
        }

        return new DrainRun(storage.Name, count, allStored, outboxEmpty, kioskCores, cpuStored.ProcessCoresSince(cpu), cpuStored.MachineBusySince(cpu), error);
    }
}
