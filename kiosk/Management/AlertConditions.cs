using System.Globalization;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;
using ScanPoint.Kiosk.Scanning;

namespace ScanPoint.Kiosk.Management;

/// <summary>
/// Which alert conditions hold now, by kind (the fleet's codes) with a short detail: thresholds from
/// <see cref="KioskConfig"/> applied to a heartbeat reading, the trust bundle's freshness and the scan sources' state.
/// Counts, sizes and ages only: nothing personal.
/// </summary>
internal static class AlertConditions
{
    public const string DiskLow = "DISK_LOW";
    public const string CpuHot = "CPU_HOT";
    public const string OutboxBacklog = "OUTBOX_BACKLOG";
    public const string ClockSkew = "CLOCK_SKEW";
    public const string TrustStale = "TRUST_STALE";
    public const string NoTrust = "NO_TRUST";
    public const string ScanSourceFailed = "SCAN_SOURCE_FAILED";
    public const string SignalsFault = "SIGNALS_FAULT";
    public const string SelftestFailed = "SELFTEST_FAILED";

    public static readonly IReadOnlyList<string> Kinds = [DiskLow, CpuHot, OutboxBacklog, ClockSkew, TrustStale, NoTrust, ScanSourceFailed, SignalsFault, SelftestFailed];

    /// <param name="selftest">The last <c>kiosk selftest</c> a technician ran (null: none).</param>
    public static Dictionary<string, string> Evaluate(HeartbeatReported beat, bool trustStale, IReadOnlyList<ScanSourceStatus> sources, KioskConfig config, LastSelftest? selftest = null)
    {
        ArgumentNullException.ThrowIfNull(beat);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(config);
        var active = new Dictionary<string, string>(StringComparer.Ordinal);
        var minFree = config.Number(ConfigCatalog.DiskFreeMinPercent);
        if (beat.DiskTotalBytes > 0 && 100.0 * beat.DiskFreeBytes / beat.DiskTotalBytes < minFree)
        {
            active[DiskLow] = Text($"{100.0 * beat.DiskFreeBytes / beat.DiskTotalBytes:0.#}% free, minimum {minFree}%");
        }

        var maxC = config.Number(ConfigCatalog.CpuTemperatureMaxC);
        if (beat.CpuTemperatureC is { } celsius && celsius > maxC)
        {
            active[CpuHot] = Text($"CPU {celsius:0.#} °C, maximum {maxC} °C");
        }

        var oldestMax = config.Duration(ConfigCatalog.OutboxOldestMax);
        if (beat.OutboxOldestAgeSeconds is { } oldest && oldest > oldestMax.TotalSeconds)
        {
            active[OutboxBacklog] = Text($"{beat.OutboxPending} pending, oldest {TimeSpan.FromSeconds(Math.Round(oldest)):c}, maximum {oldestMax:c}");
        }

        var maxSkew = config.Duration(ConfigCatalog.ClockMaxSkew);
        if (beat.ClockOffsetSeconds is { } offset && Math.Abs(offset) > maxSkew.TotalSeconds)
        {
            active[ClockSkew] = Text($"kiosk clock {-offset:+0.#;-0.#} s from the fleet's, maximum {maxSkew:c}");
        }

        if (beat.TrustVersion is null)
        {
            active[NoTrust] = "no trust bundle loaded";
        }
        else if (trustStale)
        {
            active[TrustStale] = Text($"trust v{beat.TrustVersion} is {TimeSpan.FromSeconds(Math.Round(beat.TrustAgeSeconds ?? 0)):c} old");
        }

        var failing = sources.Where(s => s.State == "retrying").Select(s => s.Name).ToList();
        if (failing.Count > 0)
        {
            active[ScanSourceFailed] = "failing: " + string.Join(", ", failing);
        }

        if (beat.SignalsFault is { } fault)
        {
            active[SignalsFault] = Bounded("door signals faulted: " + fault);
        }

        if (selftest is { Passed: false })
        {
            active[SelftestFailed] = Bounded(Text($"self-test at {selftest.At:u} failed: ") + string.Join("; ", selftest.Failed));
        }

        return active;
    }

    private static string Bounded(string detail) =>
        detail.Length <= ManagementValidation.MaxValueLength ? detail : detail[..(ManagementValidation.MaxValueLength - 1)] + "…";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
