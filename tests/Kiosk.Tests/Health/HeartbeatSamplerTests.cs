using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.Credentials.Trust;
using ScanPoint.Hardware.Scanning;
using ScanPoint.Hardware.Signals;
using ScanPoint.Kiosk.Health;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.Kiosk.Verification;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Health;

/// <summary>The heartbeat's readings from fake sysfs and proc files, a real outbox and the scan sources' counters.</summary>
public sealed class HeartbeatSamplerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("heartbeat");
    private readonly FakeTimeProvider _time = new(Now);
    private readonly ScanSourcesHealth _scanning;
    private readonly LiteDbCheckInOutbox _outbox;

    public HeartbeatSamplerTests()
    {
        _scanning = new ScanSourcesHealth(_time);
        Directory.CreateDirectory(_dir.File("data"));
        _outbox = new LiteDbCheckInOutbox(new FileOutboxStorage(_dir.File("data")), "kiosk-1", "site-1", _time, NullLogger<LiteDbCheckInOutbox>.Instance);
    }

    [Fact]
    public void Sample_FakeSysfsAndMeminfo_ParsesTemperatureAndMemory()
    {
        WriteZone(0, "acpitz", "27800");
        WriteZone(1, "x86_pkg_temp", "48250");
        File.WriteAllText(_dir.File("meminfo"), "MemTotal:        3884564 kB\nMemFree:          123456 kB\nMemAvailable:    2048000 kB\nBuffers:           1000 kB\n");

        var beat = Sampler().Sample(boot: 7);

        Assert.Equal(HeartbeatReported.SchemaVersion, beat.V);
        Assert.Equal(7, beat.Boot);
        Assert.Equal(Now, beat.At);
        Assert.Equal(48.25, beat.CpuTemperatureC);
        Assert.Equal(2048000L * 1024, beat.MemoryAvailableBytes);
        Assert.True(beat.DiskTotalBytes > 0 && beat.DiskFreeBytes is > 0 and var free && free <= beat.DiskTotalBytes);
        Assert.True(beat.ProcessMemoryBytes > 0);
        Assert.Null(beat.ClockOffsetSeconds);
    }

    [Fact]
    public void Sample_SignalsFaulted_CarriesTheReason()
    {
        var options = Options.Create(new KioskOptions { DataDir = _dir.File("data") });
        var trust = new KioskTrust(options, NullLogger<KioskTrust>.Instance);
        var signals = DisabledAccessSignals.Faulted("gpio", "IOException: no gpiochip0", _time);
        var sampler = new HeartbeatSampler(_outbox, _scanning, trust, options, _time, null, _dir.File("thermal"), _dir.File("meminfo"), signals);

        Assert.Equal("IOException: no gpiochip0", sampler.Sample(1).SignalsFault);
        Assert.Null(Sampler().Sample(1).SignalsFault);
    }

    [Fact]
    public void Sample_NoThermalZoneNoMeminfo_Null()
    {
        var beat = Sampler().Sample(1);

        Assert.Null(beat.CpuTemperatureC);
        Assert.Null(beat.MemoryAvailableBytes);
    }

    [Fact]
    public void Sample_UnreadableTemperature_FallsBackToAnotherZoneOrNull()
    {
        WriteZone(0, "cpu-thermal", "n/a");
        Assert.Null(Sampler().Sample(1).CpuTemperatureC);

        WriteZone(2, "gpu-thermal", "51000");
        Assert.Equal(51.0, Sampler().Sample(1).CpuTemperatureC);
    }

    [Fact]
    public void Sample_ProcessStartedEarlier_UptimeFromTimeProvider()
    {
        var sampler = Sampler();
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(300, sampler.Sample(1).UptimeSeconds, precision: 3);
    }

    [Fact]
    public async Task Sample_PendingCheckIns_OutboxPendingAndOldestAge()
    {
        Assert.Null(Sampler().Sample(1).OutboxOldestAgeSeconds);
        await _outbox.RecordAsync(new ScannedCode(Now, CodeFormats.Dcc, VerdictCodes.Unverified, "hash-1"), CancellationToken.None);
        await _outbox.RecordAsync(new ScannedCode(Now, CodeFormats.Dcc, VerdictCodes.Unverified, "hash-2"), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(90));

        var beat = Sampler().Sample(1);

        Assert.Equal(2, beat.OutboxPending);
        Assert.Equal(90, beat.OutboxOldestAgeSeconds!.Value, precision: 3);
    }

    [Fact]
    public void Sample_NoTrustBundle_TrustNull()
    {
        var beat = Sampler().Sample(1);

        Assert.Null(beat.TrustVersion);
        Assert.Null(beat.TrustAgeSeconds);
    }

    [Fact]
    public void Sample_TrustBundleLoaded_VersionAndAge()
    {
        using var anchor = TrustAnchor.Create();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var dsc = new CertificateRequest("CN=DSC", key, HashAlgorithmName.SHA256).CreateSelfSigned(Now.AddYears(-1), Now.AddYears(1));
        File.WriteAllText(Path.Combine(_dir.File("data"), KioskTrust.AnchorFileName), anchor.PublicKeyPem());
        var content = new TrustBundleContent(TrustBundleContent.FormatName, 42, Now.AddHours(-1), new TrustSection(TimeSpan.FromDays(7), [Convert.ToBase64String(dsc.RawData)]));
        File.WriteAllBytes(_dir.File("bundle.cose"), TrustBundleSigner.Sign(content, anchor));

        var beat = Sampler(_dir.File("bundle.cose")).Sample(1);

        Assert.Equal(42, beat.TrustVersion);
        Assert.Equal(3600, beat.TrustAgeSeconds!.Value, precision: 3);
    }

    [Fact]
    public void Sample_ScansAndDecodeFailures_CountedSinceLastSample()
    {
        var camera = new MeteredSource("camera") { DecodeFailures = 3 };
        var lines = new MeteredSource("lines");
        var sampler = Sampler();
        _scanning.Running(camera);
        _scanning.Running(lines);
        Scan(camera, 2);
        Scan(lines, 1);

        var first = sampler.Sample(1);
        Scan(camera, 4);
        camera.DecodeFailures = 10;
        var second = sampler.Sample(1);
        var third = sampler.Sample(1);

        Assert.Equal((3L, 3L), (first.ScansSinceLast, first.DecodeFailuresSinceLast));
        Assert.Equal((4L, 7L), (second.ScansSinceLast, second.DecodeFailuresSinceLast));
        Assert.Equal((0L, 0L), (third.ScansSinceLast, third.DecodeFailuresSinceLast));
    }

    public void Dispose()
    {
        _outbox.Dispose();
        _dir.Dispose();
    }

    private HeartbeatSampler Sampler(string trustBundle = "")
    {
        var options = Options.Create(new KioskOptions { DataDir = _dir.File("data"), TrustBundle = trustBundle });
        var trust = new KioskTrust(options, NullLogger<KioskTrust>.Instance);
        return new HeartbeatSampler(_outbox, _scanning, trust, options, _time, null, _dir.File("thermal"), _dir.File("meminfo"));
    }

    private void WriteZone(int n, string type, string temp)
    {
        var zone = Directory.CreateDirectory(Path.Combine(_dir.File("thermal"), $"thermal_zone{n}")).FullName;
        File.WriteAllText(Path.Combine(zone, "type"), type + "\n");
        File.WriteAllText(Path.Combine(zone, "temp"), temp + "\n");
    }

    private void Scan(IScanSource source, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _scanning.Scanned(source);
        }
    }

    private sealed class MeteredSource(string name) : IScanSource, IScanSourceMetrics
    {
        public string Name { get; } = name;

        public double DecodeFailures { get; set; }

        public IAsyncEnumerable<ScanEvent> ReadAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<ScanEvent>();

        public IReadOnlyDictionary<string, double> ReadMetrics() => new Dictionary<string, double> { [ScanCounters.DecodeFailuresMetric] = DecodeFailures };
    }
}
