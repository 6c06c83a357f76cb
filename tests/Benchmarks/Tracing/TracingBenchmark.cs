using System.Diagnostics;
using Npgsql;
using ScanPoint.Benchmarks.Measuring;
using ScanPoint.FleetServer.Privacy;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.Benchmarks.Tracing;

/// <summary>
/// <c>tracing [--rows N]</c>: N check-ins (default 10 M; 5,000 sites, 1,000,000 people, 28 days) generated in a fresh
/// PostgreSQL schema <c>bench_tracing</c> through the normal migrations, analyzed, then 200 of each tracing query run
/// through the same <see cref="TracingStore"/> the API uses: the places one person visited in 14 days and the people at
/// a site in a 2-hour window. Target: p95 ≤ 100 ms.
/// </summary>
internal static class TracingBenchmark
{
    private const string Schema = "bench_tracing";
    private const int Queries = 200;
    private const int MaxRows = 5000;
    private const double TargetMs = 100;

    public static async Task<bool> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        if (options.Postgres is not { Length: > 0 } postgres)
        {
            Console.WriteLine("tracing: not run: set SCANPOINT_TEST_POSTGRES or pass --postgres");
            return false;
        }

        var data = new TracingData(options.TracingRows, 5000, 1_000_000, new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var raw = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(postgres) { SearchPath = Schema, CommandTimeout = 0 });
        await TracingData.ExecuteAsync(raw, $"DROP SCHEMA IF EXISTS {Schema} CASCADE; CREATE SCHEMA {Schema}", cancellationToken);
        using var work = new WorkFolder(options.Folder, "tracing");
        var cipher = PersonalDataCipher.FromFile(Path.Combine(work.Path, "personal.key"));
        // No command timeout: migrating again builds the indexes over all rows.
        await using var store = new PostgresFleetStore(new NpgsqlConnectionStringBuilder(postgres) { CommandTimeout = 0 }.ToString(), Schema, cipher: cipher);
        await store.MigrateAsync(cancellationToken);

        Console.WriteLine($"{data.Rows:N0} check-ins, {data.Sites:N0} sites (one device each), {data.People:N0} people, {TracingData.Days} days, names sealed");
        var clock = Stopwatch.StartNew();
        await data.LoadAsync(raw, cipher, cancellationToken);
        var copied = clock.Elapsed;
        await store.MigrateAsync(cancellationToken);
        var indexed = clock.Elapsed - copied;
        await TracingData.ExecuteAsync(raw, "ANALYZE", cancellationToken);
        Console.WriteLine($"load: COPY {copied.TotalSeconds:N0} s ({data.Rows / copied.TotalSeconds:N0} rows/s), migrate (indexes) {indexed.TotalSeconds:N0} s, ANALYZE {(clock.Elapsed - copied - indexed).TotalSeconds:N0} s");
        await using (var size = raw.CreateCommand("SELECT pg_size_pretty(pg_total_relation_size('check_ins'))"))
        {
            Console.WriteLine($"check_ins with indexes: {await size.ExecuteScalarAsync(cancellationToken)}");
        }

        var random = new Random(7);
        var person = await MeasureAsync(async () =>
        {
            var to = data.End - TimeSpan.FromHours(random.Next(0, 14 * 24));
            var found = await store.Tracing.PersonVisitsAsync(TracingData.PersonKey(random.Next(data.People)), to.AddDays(-14), to, null, MaxRows, cancellationToken);
            return found.CheckIns.Count;
        });
        var site = await MeasureAsync(async () =>
        {
            var from = data.Start + TimeSpan.FromMinutes(random.Next(0, (TracingData.Days * 24 - 2) * 60));
            var found = await store.Tracing.SiteCheckInsAsync(TracingData.Site(random.Next(data.Sites)), from, from.AddHours(2), null, MaxRows, cancellationToken);
            return found.CheckIns.Count;
        });

        var table = new ResultTable(
            $"Tracing on PostgreSQL, {data.Rows:N0} check-ins, {Queries} queries each (after 10 warm-up)",
            "query", "p50 ms", "p95 ms", "p99 ms", "rows/query (mean)", "rows/query (max)", $"target p95 ≤ {TargetMs} ms");
        table.Add("places one person visited in 14 days", person.P50, person.P95, person.P99, person.MeanRows, person.MaxRows, person.P95 <= TargetMs ? "met" : "MISSED");
        table.Add("people at a site in a 2-hour window", site.P50, site.P95, site.P99, site.MeanRows, site.MaxRows, site.P95 <= TargetMs ? "met" : "MISSED");
        table.Print();
        await TracingData.ExecuteAsync(raw, $"DROP SCHEMA {Schema} CASCADE", cancellationToken);
        return person.P95 <= TargetMs && site.P95 <= TargetMs;
    }

    private static async Task<(double P50, double P95, double P99, double MeanRows, int MaxRows)> MeasureAsync(Func<Task<int>> query)
    {
        for (var i = 0; i < 10; i++)
        {
            await query();
        }

        var times = new List<double>();
        var rows = new List<int>();
        for (var i = 0; i < Queries; i++)
        {
            var clock = Stopwatch.StartNew();
            rows.Add(await query());
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99), Math.Round(rows.Average(), 1), rows.Max());
    }

    private static double Percentile(List<double> sorted, double p) => Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);
}
