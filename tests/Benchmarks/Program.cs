using ScanPoint.Benchmarks.Camera;
using ScanPoint.Benchmarks.Decoding;
using ScanPoint.Benchmarks.Door;
using ScanPoint.Benchmarks.Drain;
using ScanPoint.Benchmarks.Ingest;
using ScanPoint.Benchmarks.Measuring;
using ScanPoint.Benchmarks.Outbox;
using ScanPoint.Benchmarks.Overview;
using ScanPoint.Benchmarks.Relay;
using ScanPoint.Benchmarks.Tracing;
using ScanPoint.Benchmarks.Verification;

namespace ScanPoint.Benchmarks;

/// <summary><c>dotnet run -c Release --project tests/Benchmarks -- outbox|drain|ingest|relay|verify|decode|camera|door|overview|all [options]</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (!BenchmarkOptions.TryParse(args, out var options, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(BenchmarkOptions.Usage);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var failed = false;
        foreach (var name in options.Benchmarks)
        {
            Console.WriteLine($"## {name} — {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            var (busy, load) = await MachineLoad.SampleAsync(cancel.Token);
            Console.WriteLine(busy > 0.1 ? load + " — WARNING: other work is running, figures will be low" : load);
            var ok = name switch
            {
                "outbox" => await OutboxBenchmark.RunAsync(options, cancel.Token),
                "drain" => await DrainBenchmark.RunAsync(options, cancel.Token),
                "relay" => await RelayBenchmark.RunAsync(options, cancel.Token),
                "verify" => await VerificationBenchmark.RunAsync(options, cancel.Token),
                "decode" => await DecodeBenchmark.RunAsync(options, cancel.Token),
                "camera" => await CameraBenchmark.RunAsync(options, cancel.Token),
                "door" => await DoorBenchmark.RunAsync(options, cancel.Token),
                "tracing" => await TracingBenchmark.RunAsync(options, cancel.Token),
                "overview" => await OverviewBenchmark.RunAsync(options, cancel.Token),
                _ => await IngestBenchmark.RunAsync(options, cancel.Token),
            };
            failed |= !ok;
            Console.WriteLine();
        }

        return failed ? 1 : 0;
    }
}
