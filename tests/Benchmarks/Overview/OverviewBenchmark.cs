using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using ScanPoint.Benchmarks.Fleet;
using ScanPoint.Benchmarks.Measuring;
using ScanPoint.FleetServer.Hosting;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.Benchmarks.Overview;

/// <summary>
/// <c>overview [--devices N] [--postgres CONN]</c>: the dashboard's overview page (<c>GET /</c>, signed in with the
/// cookie) over a fleet of N devices (default 100,000; <see cref="OverviewFleet"/>), through real HTTP to the real
/// server: 20 requests each deriving every device's state afresh (<c>Dashboard:SnapshotMaxAge=0</c>), then 20 with the
/// default 5 s reuse (stale up to 60 s while a refresh runs in the background), and <c>/api/provinces</c> for
/// comparison. Target: p95 ≤ 500 ms for the default configuration.
/// </summary>
internal static partial class OverviewBenchmark
{
    public const int Requests = 20;
    public static readonly TimeSpan Target = TimeSpan.FromMilliseconds(500);

    public static async Task<bool> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var table = new ResultTable($"Dashboard overview, {options.Devices:N0} devices, {Requests} requests each", "store", "what", "first ms", "p50 ms", "p95 ms", "max ms", "page KiB");
        var ok = true;
        using (var folder = new WorkFolder(options.Folder, "overview"))
        {
            ok &= await RunStoreAsync(FleetStorage.Sqlite(folder.Path), options, table, cancellationToken);
        }

        if (options.Postgres is { } connection)
        {
            await using var schema = await PostgresSchema.CreateAsync(connection, cancellationToken);
            ok &= await RunStoreAsync(FleetStorage.Postgres(schema), options, table, cancellationToken);
        }
        else
        {
            Console.WriteLine("PostgreSQL skipped: no --postgres and no SCANPOINT_TEST_POSTGRES");
        }

        table.Print();
        Console.WriteLine(ok ? $"PASS: p95 of / as configured by default ≤ {Target.TotalMilliseconds} ms" : $"FAIL: p95 of / as configured by default above {Target.TotalMilliseconds} ms");
        Console.WriteLine("'derive each request' is the cost of one derivation of every device: how stale a page served from the background refresh can be.");
        return ok;
    }

    private static async Task<bool> RunStoreAsync(FleetStorage storage, BenchmarkOptions options, ResultTable table, CancellationToken cancellationToken)
    {
        var seeding = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        await OverviewFleet.SeedAsync(storage, options.Devices, now, cancellationToken);
        await using (var store = await FleetStoreFactory.OpenAsync(storage.Options, cancellationToken))
        {
            await store.Users.AddAsync(new UserRecord("bench", "admin", null, new PasswordHasher<string>().HashPassword("bench", Password), 0, null), now, cancellationToken);
        }

        Console.WriteLine($"{storage.Name}: {options.Devices:N0} devices seeded in {seeding.Elapsed.TotalSeconds:F1} s");
        var ok = true;
        foreach (var (label, maxAge) in new[] { ("/ (derive each request)", "00:00:00"), ("/ (5 s reuse, default)", "00:00:05") })
        {
            await using var app = await StartAsync(storage, maxAge, options, cancellationToken);
            using var client = await SignInAsync(app.Url, cancellationToken);
            var (first, times, bytes) = await TimeAsync(client, "/", cancellationToken);
            table.Add(storage.Name, label, first, Percentile(times, 0.5), Percentile(times, 0.95), times.Max(), bytes / 1024.0);
            if (maxAge != "00:00:00")
            {
                ok &= Percentile(times, 0.95) <= Target.TotalMilliseconds;
            }
            if (maxAge == "00:00:00")
            {
                var api = await TimeAsync(client, "/api/provinces", cancellationToken);
                table.Add(storage.Name, "/api/provinces (for comparison)", api.First, Percentile(api.Times, 0.5), Percentile(api.Times, 0.95), api.Times.Max(), api.Bytes / 1024.0);
            }
        }

        return ok;
    }

    private const string Password = "bench-password-123";

    private static async Task<(double First, List<double> Times, long Bytes)> TimeAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        double first = 0;
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i <= Requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK || response.RequestMessage?.RequestUri?.AbsolutePath != path)
            {
                throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
            }

            bytes = body.Length;
            if (i == 0)
            {
                first = watch.Elapsed.TotalMilliseconds; // cold: JIT, Razor, first derivation
            }
            else
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (first, times, bytes);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static async Task<HttpClient> SignInAsync(string url, CancellationToken cancellationToken)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = new Uri(url) };
        var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative), cancellationToken);
        var token = TokenField().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "bench", ["password"] = Password, ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync(new Uri("/signin", UriKind.Relative), content, cancellationToken);
        if (response.RequestMessage?.RequestUri?.AbsolutePath != "/")
        {
            throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
        }

        return client;
    }

    private static async Task<RunningApp> StartAsync(FleetStorage storage, string maxAge, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var (mqttPort, httpPort) = (FreePort.Pick(), FreePort.Pick());
        var app = FleetServerApp.Build(
        [
            .. storage.Args,
            $"--Mqtt:Port={mqttPort}",
            $"--Http:Port={httpPort}",
            $"--Enrolment:CaDir={Path.Combine(options.Folder, "scanpoint-bench-ca")}",
            "--Enrolment:HttpsPort=0",
            "--Mqtt:TlsPort=0",
            "--Logging:LogLevel:Default=Warning",
            $"--Dashboard:SnapshotMaxAge={maxAge}",
        ]);
        await app.StartAsync(cancellationToken);
        return new RunningApp(app, $"http://127.0.0.1:{httpPort}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private sealed record RunningApp(WebApplication App, string Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync(CancellationToken.None);
            await App.DisposeAsync();
        }
    }
}
