using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;
using ScanPoint.Kiosk.Management;
using ScanPoint.Kiosk.Reporting;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Management;

/// <summary>The alert conditions against the thresholds in the config twin.</summary>
public sealed class AlertConditionsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("conditions");
    private readonly KioskConfig _config;

    public AlertConditionsTests() =>
        _config = new KioskConfig(Options.Create(new KioskOptions { DataDir = _dir.Path }), Options.Create(new ReportingOptions()), new FakeTimeProvider(Now));

    [Fact]
    public void Evaluate_HealthyReading_NoCondition()
    {
        Assert.Empty(AlertConditions.Evaluate(Beat(), trustStale: false, [], _config));
    }

    [Fact]
    public void Evaluate_EveryThresholdCrossed_EveryKind()
    {
        var beat = Beat() with { DiskFreeBytes = 5, CpuTemperatureC = 85, OutboxOldestAgeSeconds = 7200, ClockOffsetSeconds = -300 };
        ScanSourceStatus failing = new("lines:/dev/scan", "retrying", 0, 3, "IOException: gone", Now, new Dictionary<string, double>());

        var active = AlertConditions.Evaluate(beat, trustStale: true, [failing], _config);

        Assert.Equal(
            [AlertConditions.DiskLow, AlertConditions.CpuHot, AlertConditions.OutboxBacklog, AlertConditions.ClockSkew, AlertConditions.TrustStale, AlertConditions.ScanSourceFailed],
            active.Keys);
        Assert.Equal("5% free, minimum 10%", active[AlertConditions.DiskLow]);
        Assert.All(active.Values, d => Assert.True(d.Length <= ManagementValidation.MaxValueLength));
    }

    [Fact]
    public void Evaluate_ThresholdsFromDesiredConfig_AreUsed()
    {
        var desired = KioskConfigTests.Desired(1, 0, new() { ["alerts.cpuTemperatureMaxC"] = "90", ["alerts.diskFreeMinPercent"] = "2" });
        _config.Apply(desired, WireJson.Encode(desired));

        var active = AlertConditions.Evaluate(Beat() with { DiskFreeBytes = 5, CpuTemperatureC = 85, TrustVersion = null }, trustStale: false, [], _config);

        Assert.Equal([AlertConditions.NoTrust], active.Keys);
    }

    [Fact]
    public void Evaluate_SignalsFaultAndFailedSelftest_RaiseTheirKinds()
    {
        var failed = new LastSelftest(Now.AddMinutes(-5), false, ["gpio: chip /dev/gpiochip0 missing", "broker: refused"]);

        var active = AlertConditions.Evaluate(Beat() with { SignalsFault = "relay pin 23: busy" }, trustStale: false, [], _config, failed);

        Assert.Equal([AlertConditions.SignalsFault, AlertConditions.SelftestFailed], active.Keys);
        Assert.Equal("door signals faulted: relay pin 23: busy", active[AlertConditions.SignalsFault]);
        Assert.Equal("self-test at 2026-11-23 07:55:00Z failed: gpio: chip /dev/gpiochip0 missing; broker: refused", active[AlertConditions.SelftestFailed]);
        Assert.Empty(AlertConditions.Evaluate(Beat(), trustStale: false, [], _config, failed with { Passed = true, Failed = [] }));
    }

    [Fact]
    public void LastSelftest_SavedThenLoaded_TornOrForeignFileIgnored()
    {
        var saved = new LastSelftest(Now, false, ["clock: behind"]);
        LastSelftest.Save(_dir.Path, saved);
        Assert.Equal(saved.Failed, LastSelftest.Load(_dir.Path)!.Failed);

        File.WriteAllText(_dir.File(LastSelftest.FileName), "{\"At\":");
        Assert.Null(LastSelftest.Load(_dir.Path));
        File.WriteAllText(_dir.File(LastSelftest.FileName), new string(' ', 20_000));
        Assert.Null(LastSelftest.Load(_dir.Path));
    }

    public void Dispose() => _dir.Dispose();

    private static HeartbeatReported Beat() => new(
        HeartbeatReported.SchemaVersion, 1, Now, 60, 50, DiskFreeBytes: 50, DiskTotalBytes: 100, MemoryAvailableBytes: 1000, ProcessMemoryBytes: 100,
        OutboxPending: 0, OutboxOldestAgeSeconds: null, TrustVersion: 3, TrustAgeSeconds: 3600, ClockOffsetSeconds: 0.5, ScansSinceLast: 0, DecodeFailuresSinceLast: 0);
}
