using Microsoft.Extensions.Options;
using ScanPoint.Contracts.Devices;
using ScanPoint.Hardware.Signals;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Health;

/// <summary>
/// Builds the kiosk's <see cref="HeartbeatReported"/>: uptime, CPU temperature, disk, memory, outbox backlog, trust
/// bundle and scan counts since the previous beat. Nothing personal: counts, sizes and ages only. The clock offset
/// stays null: nothing on the running kiosk learns the server's time yet.
/// </summary>
public sealed class HeartbeatSampler
{
    public const string DefaultThermalRoot = "/sys/class/thermal";
    public const string DefaultMeminfoPath = "/proc/meminfo";

    private readonly ICheckInOutbox _outbox;
    private readonly ScanSourcesHealth _scanning;
    private readonly KioskTrust _trust;
    private readonly TimeProvider _time;
    private readonly ServerClock? _serverClock;
    private readonly IAccessSignals? _signals;
    private readonly string _dataDir;
    private readonly string _thermalRoot;
    private readonly string _meminfoPath;
    private readonly long _started;
    private readonly ScanCounters _counters = new();
    private readonly Lock _lock = new();

    /// <param name="thermalRoot">The folder holding <c>thermal_zone*</c> (tests point it at fake files).</param>
    /// <param name="meminfoPath">The <c>meminfo</c> file to read <c>MemAvailable</c> from.</param>
    public HeartbeatSampler(
        ICheckInOutbox outbox,
        ScanSourcesHealth scanning,
        KioskTrust trust,
        IOptions<KioskOptions> options,
        TimeProvider time,
        ServerClock? serverClock = null,
        string thermalRoot = DefaultThermalRoot,
        string meminfoPath = DefaultMeminfoPath,
        IAccessSignals? signals = null)
    {
        _outbox = outbox;
        _scanning = scanning;
        _trust = trust;
        _time = time;
        _serverClock = serverClock;
        _dataDir = options.Value.DataDir;
        _thermalRoot = thermalRoot;
        _meminfoPath = meminfoPath;
        _signals = signals;
        _started = time.GetTimestamp(); // the sampler is created at start-up, with the reporter
    }

    /// <summary>One beat for boot <paramref name="boot"/>; scan counts cover the time since the previous call.</summary>
    public HeartbeatReported Sample(long boot) => Build(boot, countScans: true);

    /// <summary>A reading for the alert checks: like a beat, but it leaves the scan counts to the next beat (reports 0).</summary>
    public HeartbeatReported Current() => Build(0, countScans: false);

    private HeartbeatReported Build(long boot, bool countScans)
    {
        var now = _time.GetUtcNow();
        var outbox = _outbox.GetStatus();
        var (diskFree, diskTotal) = HostReadings.Disk(_dataDir);
        var bundle = _trust.Bundle;
        long scans = 0, decodeFailures = 0;
        if (countScans)
        {
            lock (_lock)
            {
                (scans, decodeFailures) = _counters.SinceLast(_scanning.Snapshot());
            }
        }

        return new HeartbeatReported(
            HeartbeatReported.SchemaVersion,
            boot,
            now,
            UptimeSeconds: _time.GetElapsedTime(_started).TotalSeconds,
            CpuTemperatureC: HostReadings.CpuTemperatureC(_thermalRoot),
            DiskFreeBytes: diskFree,
            DiskTotalBytes: diskTotal,
            MemoryAvailableBytes: HostReadings.MemoryAvailableBytes(_meminfoPath),
            ProcessMemoryBytes: Environment.WorkingSet,
            OutboxPending: outbox.Pending,
            OutboxOldestAgeSeconds: outbox.OldestPendingAt is { } oldest ? (now - oldest).TotalSeconds : null,
            TrustVersion: bundle?.Version,
            TrustAgeSeconds: bundle is null ? null : (now - bundle.IssuedAt).TotalSeconds,
            ClockOffsetSeconds: _serverClock?.OffsetSeconds,
            ScansSinceLast: scans,
            DecodeFailuresSinceLast: decodeFailures,
            SignalsFault: _signals?.Health is { Faulted: true } signals ? signals.Reason ?? "faulted" : null);
    }
}
