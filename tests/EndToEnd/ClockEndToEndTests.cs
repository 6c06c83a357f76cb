using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// The real kiosk process with its clock moved back a year by libfaketime (Debian's <c>faketime</c>, installed by
/// deploy/dev/packages.sh): after it once ran at the right time, a signed code is <c>unverifiable:CLOCK</c>, and a
/// scanned name appears nowhere in its output.
/// </summary>
public sealed class ClockEndToEndTests(ITestOutputHelper output)
{
    private const string Name = "Phạm Thị Quỳnh Xyzzyanh";

    [Fact]
    public Task Kiosk_ClockMovedBackAYear_SignedCodeUnverifiableClock() =>
        Scenario.RunAsync(output, async run =>
        {
            var kiosk = new KioskProcess(run, "kiosk-clock");
            var credential = $"spdev1.kiosk-clock.PR1.site-1.{new string('a', 64)}";
            (await run.RunCommandAsync(Programs.Kiosk, ["provision", "--fleet", "mqtt://127.0.0.1:9", "--credential", credential, "--data-dir", kiosk.DataDir])).EnsureSuccess();
            await kiosk.StartAsync(); // at the right time: saves its last-known-good time
            await kiosk.StopAsync();
            var lastKnownGood = File.ReadAllText(Path.Combine(kiosk.DataDir, "clock.lkg"));
            run.Note($"last-known-good time {lastKnownGood}");

            var scans = run.PathOf("faketime-scans.txt");
            File.WriteAllLines(scans, ["HC1:NOT-A-REAL-CODE", $"001190012345||{Name}|14021990|Nữ|Số 5 Ngõ 6, Hà Nội|01022022"]);
            var text = new StringBuilder();
            using var process = StartUnderFaketime("-365d", ["run", "--data-dir", kiosk.DataDir, "--scan-source", "lines:" + scans], text);
            try
            {
                await run.WaitAsync("the kiosk under faketime to record both scans", () => Read(text).Contains("format cccd", StringComparison.Ordinal), () => Read(text));
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            var log = Read(text);
            run.Note(log);
            Assert.Contains("Clock not trusted (BehindLastKnownGood", log, StringComparison.Ordinal);
            Assert.Contains("format dcc, verdict unverifiable:CLOCK", log, StringComparison.Ordinal);
            Assert.Contains("format cccd, verdict unverified", log, StringComparison.Ordinal);
            Assert.DoesNotContain("Xyzzyanh", log, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("001190012345", log, StringComparison.Ordinal);
        });

    private static Process StartUnderFaketime(string offset, IReadOnlyList<string> args, StringBuilder text)
    {
        var info = new ProcessStartInfo("faketime") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-f", offset, Programs.DotnetHost, Programs.Kiosk, .. args])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"; // timers and timeouts keep running on the real monotonic clock
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(text, e.Data);
        process.ErrorDataReceived += (_, e) => Append(text, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
