using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ScanPoint.Benchmarks;

/// <summary>Which benchmarks to run and where; every figure has a default that keeps a benchmark under two minutes.</summary>
internal sealed class BenchmarkOptions
{
    public const string Usage = """
        usage: ScanPoint.Benchmarks outbox|drain|ingest|relay|verify|decode|camera|door|overview|tracing|all [--dir DIR] [--postgres CONNSTRING]
                 [--check-ins N] [--kiosk-batch N] [--kiosk-in-flight N] [--kiosks N] [--batches N] [--batch-size N] [--window N]
                 [--one-core] [--relay-batch N] [--relay-in-flight N] [--scans N] [--devices N] [--rows N]
          --dir        folder on the disk under test (default: the system temp folder; must not be tmpfs)
          --postgres   Npgsql connection string (default: $SCANPOINT_TEST_POSTGRES)
          --check-ins  drain: check-ins queued in the kiosk (default 100000)
          --kiosk-batch, --kiosk-in-flight
                       drain: the kiosk's Reporting:BatchSize and Reporting:MaxBatchesInFlight (default 1000, 8;
                       the kiosk's own defaults are 250, 4)
          --kiosks, --batches, --batch-size, --window
                       ingest: simulated kiosks, batches each, check-ins per batch, batches in flight per kiosk
                       (default 50, 30, 500, 4)
          --scans      door: scans measured one at a time through the kiosk process (default 1000)
          --relay-batch, --relay-in-flight
                       relay: the fleet's Relay:BatchSize and Relay:MaxInFlight (default 1000, 4); ingest options
                       above shape the check-ins relayed
          --rows       tracing: check-ins generated in PostgreSQL (default 10000000; not part of "all")
          --devices    overview: devices in the fleet behind the dashboard (default 100000)
          --one-core   camera: afterwards run the camera mode again pinned to CPU 0 (taskset -c 0); door: the kiosk pinned to CPU 0
        """;

    private static readonly string[] AllBenchmarks = ["outbox", "drain", "ingest", "relay", "verify", "decode", "camera", "door", "overview"];

    public IReadOnlyList<string> Benchmarks { get; private init; } = [];

    public string Folder { get; private set; } = Path.GetTempPath();

    public string? Postgres { get; private set; } = Environment.GetEnvironmentVariable("SCANPOINT_TEST_POSTGRES");

    public int DrainCheckIns { get; private set; } = 100_000;

    public int KioskBatchSize { get; private set; } = 1000;

    public int KioskBatchesInFlight { get; private set; } = 8;

    public int Kiosks { get; private set; } = 50;

    public int BatchesPerKiosk { get; private set; } = 30;

    public int BatchSize { get; private set; } = 500;

    public int Window { get; private set; } = 4;

    public bool OneCore { get; private set; }

    public int Scans { get; private set; } = 1000;

    public int Devices { get; private set; } = 100_000;
    public int RelayBatchSize { get; private set; } = 1000;

    public int RelayInFlight { get; private set; } = 4;

    public int TracingRows { get; private set; } = 10_000_000;

    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchmarkOptions? options, out string error)
    {
        options = null;
        error = "";
        if (args.Length == 0 || (args[0] is not ("all" or "tracing") && !AllBenchmarks.Contains(args[0])))
        {
            error = "name a benchmark: outbox, drain, ingest, relay, verify, decode, camera, door, overview or all";
            return false;
        }

        var parsed = new BenchmarkOptions { Benchmarks = args[0] == "all" ? AllBenchmarks : [args[0]] };
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--one-core")
            {
                parsed.OneCore = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{args[i]}: missing value";
                return false;
            }

            var value = args[++i];
            var ok = args[i - 1] switch
            {
                "--dir" => Set(() => parsed.Folder = Path.GetFullPath(value)),
                "--postgres" => Set(() => parsed.Postgres = value),
                "--check-ins" => TryCount(value, n => parsed.DrainCheckIns = n),
                "--kiosk-batch" => TryCount(value, n => parsed.KioskBatchSize = n),
                "--scans" => TryCount(value, n => parsed.Scans = n),
                "--devices" => TryCount(value, n => parsed.Devices = Math.Min(n, 1_000_000)),
                "--kiosk-in-flight" => TryCount(value, n => parsed.KioskBatchesInFlight = n),
                "--kiosks" => TryCount(value, n => parsed.Kiosks = n),
                "--batches" => TryCount(value, n => parsed.BatchesPerKiosk = n),
                "--batch-size" => TryCount(value, n => parsed.BatchSize = Math.Min(n, 1000)),
                "--window" => TryCount(value, n => parsed.Window = n),
                "--relay-batch" => TryCount(value, n => parsed.RelayBatchSize = Math.Min(n, 5000)),
                "--relay-in-flight" => TryCount(value, n => parsed.RelayInFlight = Math.Min(n, 64)),
                "--rows" => TryCount(value, n => parsed.TracingRows = n),
                _ => false,
            };
            if (!ok)
            {
                error = $"{args[i - 1]} {value}: unknown option or not a positive number";
                return false;
            }
        }

        options = parsed;
        return true;
    }

    private static bool Set(Action set)
    {
        set();
        return true;
    }

    private static bool TryCount(string value, Action<int> set)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        set(n);
        return true;
    }
}
