using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using ScanPoint.Benchmarks.Measuring;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.Kiosk;
using ScanPoint.Kiosk.Clock;
using ScanPoint.Kiosk.Health;
using ScanPoint.Kiosk.Verification;
using ScanPoint.TestKit;

namespace ScanPoint.Benchmarks.Door;

/// <summary>
/// Scan-to-verdict latency of the real kiosk process (offline, no camera): a valid certificate appended to its
/// <c>lines:</c> file → the verdict event on the page's event stream, and → the page in headless Chromium showing it (the
/// next animation frame after the change), one scan at a time; in the same run, a bare <c>CodeVerifier.Check</c> of the
/// same codes in this process; the kiosk's resident memory after the run.
/// </summary>
internal static class DoorBenchmark
{
    private const int WarmUp = 20;

    public static async Task<bool> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var count = options.Scans;
        var now = DateTimeOffset.UtcNow;
        using var codes = new DoorCodes(count + WarmUp, now);
        using var work = new TempDirectory("door-bench");
        var dataDir = Directory.CreateDirectory(work.File("kiosk")).FullName;
        var bundle = work.File("trust-bundle.cose");
        File.WriteAllBytes(bundle, codes.Bundle);
        var verify = BareVerify(codes, dataDir, bundle);

        var kioskDll = Path.Combine(AppContext.BaseDirectory, "ScanPoint.Kiosk.dll");
        var credential = DeviceCredential.Create("bench-door", "HN", "gate-1").ToString();
        await RunToEndAsync(kioskDll, ["provision", "--fleet", "mqtt://127.0.0.1:9", "--credential", credential, "--data-dir", dataDir], cancellationToken);
        File.WriteAllText(Path.Combine(dataDir, KioskTrust.AnchorFileName), codes.Anchor.PublicKeyPem());
        var scans = work.File("scans.txt");
        File.WriteAllText(scans, "");
        var port = FreePort.Next();
        string[] pin = options.OneCore ? ["taskset", "-c", "0", "dotnet"] : ["dotnet"]; // the issue's target is one x86 core
        using var kiosk = Process.Start(new ProcessStartInfo(pin[0], [.. pin[1..], kioskDll, "run", "--data-dir", dataDir, "--scan-source", "lines:" + scans, $"--Kiosk:TrustBundle={bundle}", $"--Screen:Port={port}", "--Screen:VerdictHold=00:00:01", "--Logging:LogLevel:Default=Warning"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        kiosk.OutputDataReceived += (_, _) => { };
        kiosk.ErrorDataReceived += (_, _) => { };
        kiosk.BeginOutputReadLine();
        kiosk.BeginErrorReadLine();
        try
        {
            Console.WriteLine(options.OneCore ? "kiosk pinned to CPU 0 (taskset -c 0)" : "kiosk on both cores");
            return await MeasureAsync(kiosk, port, scans, codes.Codes, verify, cancellationToken);
        }
        finally
        {
            kiosk.Kill(entireProcessTree: true);
            await kiosk.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static async Task<bool> MeasureAsync(Process kiosk, int port, string scans, IReadOnlyList<string> codes, double[] verify, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var started = Stopwatch.StartNew();
        while (!await AnswersAsync(http, $"http://127.0.0.1:{port}/state"))
        {
            if (started.Elapsed > TimeSpan.FromSeconds(30) || kiosk.HasExited)
            {
                Console.WriteLine("the kiosk's page did not come up");
                return false;
            }

            await Task.Delay(50, cancellationToken);
        }

        using var events = new VerdictEvents(new Uri($"http://127.0.0.1:{port}/events"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var following = events.RunAsync(stop.Token);
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await page.AddInitScriptAsync("""
            window.__marks = {};
            new MutationObserver(() => {
              const v = document.body && document.body.dataset.verdicts;
              if (v && !(v in window.__marks)) { window.__marks[v] = 0; requestAnimationFrame(() => window.__marks[v] = performance.timeOrigin + performance.now()); }
            }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-verdicts"] });
            """);
        await page.GotoAsync($"http://127.0.0.1:{port}/");

        var toEvent = new List<double>();
        var toPage = new List<double>();
        for (var i = 0; i < codes.Count; i++)
        {
            var n = i + 1;
            var wall = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + (DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerMillisecond / (double)TimeSpan.TicksPerMillisecond);
            var t0 = Stopwatch.GetTimestamp();
            await File.AppendAllTextAsync(scans, codes[i] + "\n", cancellationToken);
            long? arrived;
            while ((arrived = events.ArrivedAt(n)) is null)
            {
                await Task.Yield();
            }

            await page.WaitForFunctionAsync("n => window.__marks[n] > 0", n);
            var shown = await page.EvaluateAsync<double>("n => window.__marks[n]", n);
            if (i >= WarmUp)
            {
                toEvent.Add(Stopwatch.GetElapsedTime(t0, arrived.Value).TotalMilliseconds);
                toPage.Add(shown - wall);
            }
        }

        var state = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/state"), cancellationToken);
        var (rss, peak) = Memory(kiosk.Id);
        await stop.CancelAsync();
        await following.ContinueWith(_ => { }, TaskScheduler.Default);

        var table = new ResultTable($"Scan to verdict, {toEvent.Count} scans one at a time (kiosk process, offline, no camera)", "path", "p50 ms", "p99 ms", "max ms", "p50 vs bare verify");
        table.Add("bare CodeVerifier.Check (this process)", Percentile(verify, 50), Percentile(verify, 99), verify.Max(), "1.00x");
        table.Add("lines: scan → verdict event (SSE)", Percentile(toEvent, 50), Percentile(toEvent, 99), toEvent.Max(), ResultTable.Ratio(Percentile(toEvent, 50), Percentile(verify, 50)));
        table.Add("lines: scan → page shows it (Chromium frame)", Percentile(toPage, 50), Percentile(toPage, 99), toPage.Max(), ResultTable.Ratio(Percentile(toPage, 50), Percentile(verify, 50)));
        table.Print();
        Console.WriteLine($"kiosk RSS after the run: {rss / 1024.0:0.0} MiB (peak {peak / 1024.0:0.0} MiB); last state {(state.Contains("\"kind\":\"accepted\"", StringComparison.Ordinal) || state.Contains("\"kind\":\"idle\"", StringComparison.Ordinal) ? "ok" : state)}");
        return true;
    }

    /// <summary>The verifier alone on the same codes, after a warm-up: milliseconds per code.</summary>
    private static double[] BareVerify(DoorCodes codes, string dataDir, string bundle)
    {
        var verifyDir = Directory.CreateDirectory(Path.Combine(dataDir, "..", "verify")).FullName;
        File.WriteAllText(Path.Combine(verifyDir, KioskTrust.AnchorFileName), codes.Anchor.PublicKeyPem());
        var options = Options.Create(new KioskOptions { DataDir = verifyDir, TrustBundle = bundle });
        var time = TimeProvider.System;
        var guard = new ClockGuard(time, new ServerClock(time), LastKnownGoodTime.Load(verifyDir, TimeSpan.FromMinutes(10), NullLogger.Instance), Options.Create(new ClockOptions()));
        var verifier = new CodeVerifier(new KioskTrust(options, NullLogger<KioskTrust>.Instance), time, guard);
        var times = new List<double>();
        foreach (var (code, i) in codes.Codes.Select((c, i) => (c, i)))
        {
            var t0 = Stopwatch.GetTimestamp();
            var verdict = verifier.Check(code, CodeFormats.Dcc).Verdict;
            if (i >= WarmUp)
            {
                times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }

            if (verdict != VerdictCodes.Accepted)
            {
                throw new InvalidOperationException($"benchmark code {i} verified as {verdict}");
            }
        }

        return [.. times];
    }

    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static (long RssKiB, long PeakKiB) Memory(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/status");
        long Field(string name) => long.Parse(lines.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (Field("VmRSS:"), Field("VmHWM:"));
    }

    private static async Task<bool> AnswersAsync(HttpClient http, string url)
    {
        try
        {
            return (await http.GetAsync(new Uri(url))).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task RunToEndAsync(string dll, string[] args, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", [dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kiosk {args[0]} failed: {await error}");
        }
    }
}
