using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPoint.Hardware.Signals;
using ScanPoint.Kiosk.Management;
using ScanPoint.Kiosk.Status;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Commands;

/// <summary>
/// <c>kiosk selftest --data-dir DIR [--json] [--test-card TEXT] [--timeout 10s] [configuration…]</c>: the
/// technician's commissioning check — scanners present (a camera must read the test card, a QR holding
/// <see cref="DefaultTestCard"/>), door signals (not faulted; a blink), clock (not behind the last-known-good time),
/// storage (write, fsync, read back), broker reachable (TCP, and TLS for <c>mqtts://</c>, within the timeout), trust
/// bundle present and fresh. Reads the same configuration as <c>run</c> (appsettings.json, environment, switches).
/// While the kiosk runs, its scanners and signals are taken from its status socket instead of being opened twice.
/// Prints a pass/fail table (or <c>--json</c>); exit 0 when every check passed, 1 otherwise, 64 usage. The result is
/// kept in the data folder (<see cref="LastSelftest"/>); the running kiosk sends a failure to the fleet.
/// </summary>
internal static class SelftestCommand
{
    public const string DefaultTestCard = "SCANPOINT-SELFTEST";
    public const int UsageError = 64;
    private const string Usage = "usage: kiosk selftest --data-dir DIR [--json] [--test-card TEXT] [--timeout 10s] [--scan-source SPEC]... [--Section:Key=VALUE]...";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        var rest = args.ToList();
        var json = rest.Remove("--json");
        var testCard = Take(rest, "--test-card") ?? DefaultTestCard;
        var timeoutText = Take(rest, "--timeout") ?? "10s";
        if (!TryParseDuration(timeoutText, out var timeout) || CommandLine.Value(rest, "--data-dir") is null)
        {
            error.WriteLine(Usage);
            return UsageError;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(CommandLine.ToConfiguration(rest))
            .Build();
        var kiosk = configuration.GetSection(KioskOptions.SectionName).Get<KioskOptions>() ?? new KioskOptions();
        var signalsOptions = configuration.GetSection(SignalsOptions.SectionName).Get<SignalsOptions>() ?? new SignalsOptions();
        var running = await StatusSocket.QueryAsync(kiosk.DataDir, cancellationToken).ConfigureAwait(false);

        var checks = new List<SelftestCheck>
        {
            running is null
                ? await SelftestCommandScanners.CheckAsync(kiosk.ScanSources, testCard, timeout, time, cancellationToken).ConfigureAwait(false)
                : SelftestCommandScanners.FromRunningKiosk(running),
        };
        if (running?.Signals is { } runningSignals)
        {
            checks.Add(SelftestCommandChecks.Gpio(runningSignals, "the running kiosk's"));
        }
        else
        {
            using var signals = AccessSignalsFactory.Create(signalsOptions, time);
            checks.Add(await SelftestCommandChecks.GpioAsync(signals, time, cancellationToken).ConfigureAwait(false));
        }

        checks.Add(SelftestCommandChecks.Clock(kiosk.DataDir, time));
        checks.Add(SelftestCommandChecks.Storage(kiosk.DataDir));
        checks.Add(await SelftestCommandBroker.CheckAsync(kiosk.DataDir, timeout, time, cancellationToken).ConfigureAwait(false));
        checks.Add(SelftestCommandChecks.Trust(new KioskTrust(Options.Create(kiosk), NullLogger<KioskTrust>.Instance), time));

        SelftestCommandReport.Write(output, checks, json);
        SaveForTheFleet(kiosk.DataDir, checks, time, error);
        return checks.All(c => c.Passed) ? 0 : 1;
    }

    /// <summary>Kept for the running kiosk, which raises <c>SELFTEST_FAILED</c> at the fleet while the last run failed.</summary>
    private static void SaveForTheFleet(string dataDir, IReadOnlyList<SelftestCheck> checks, TimeProvider time, TextWriter error)
    {
        try
        {
            var failed = checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}").ToList();
            LastSelftest.Save(dataDir, new LastSelftest(time.GetUtcNow(), failed.Count == 0, failed));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"selftest: the result could not be kept for the fleet ({ex.Message})");
        }
    }

    private static string? Take(List<string> args, string name)
    {
        var i = args.IndexOf(name);
        if (i < 0 || i == args.Count - 1)
        {
            return null;
        }

        var value = args[i + 1];
        args.RemoveRange(i, 2);
        return value;
    }

    /// <summary><c>500ms</c>, <c>10s</c>, <c>2m</c>, or a <see cref="TimeSpan"/> (<c>00:00:10</c>); positive only.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, double.NaN);
        if (double.IsNaN(unit))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
        }

        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * unit);
        return true;
    }
}
