using System.Globalization;
using ScanPoint.Kiosk.Status;

namespace ScanPoint.Kiosk.Commands;

/// <summary>
/// <c>kiosk status --data-dir DIR</c>: asks the running kiosk for its outbox and each scan source's state, failures
/// and metrics (camera fps, decode latency, decode failures; imager drops). Exit 1 when no kiosk answers.
/// </summary>
internal static class StatusCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (CommandLine.Value(args, "--data-dir") is not { } dataDir)
        {
            error.WriteLine("usage: kiosk status --data-dir DIR");
            return 2;
        }

        if (await StatusSocket.QueryAsync(dataDir, CancellationToken.None).ConfigureAwait(false) is not { } status)
        {
            error.WriteLine($"status: no kiosk is running on {dataDir} (for the outbox alone: kiosk outbox --data-dir {dataDir})");
            return 1;
        }

        output.WriteLine($"outbox: {status.Outbox.Pending} pending, {status.Outbox.Acknowledged} acknowledged, last seq {status.Outbox.LastSeq}");
        foreach (var source in status.Sources)
        {
            output.WriteLine($"source {source.Name}: {source.State}, {source.Scans} scans, {source.Failures} failures");
            if (source.LastFailure is { } failure)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  last failure {source.LastFailureAt:O}: {failure}"));
            }

            foreach (var (name, value) in source.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {value:0.###}"));
            }
        }

        if (status.Signals is { } signals)
        {
            output.WriteLine(signals.Faulted
                ? string.Create(CultureInfo.InvariantCulture, $"signals {signals.Driver}: faulted since {signals.FaultedAt:O}: {signals.Reason}")
                : $"signals {signals.Driver}: ok");
        }

        return 0;
    }
}
