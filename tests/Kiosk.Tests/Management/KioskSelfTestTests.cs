using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Hardware.Scanning;
using ScanPoint.Kiosk.Management;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.Kiosk.Verification;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Management;

/// <summary>The self-test's real checks on a temp data directory.</summary>
public sealed class KioskSelfTestTests : IDisposable
{
    private readonly TempDirectory _dir = new("selftest");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RunAsync_NoTrustAndOffline_FailsThoseChecksPassesStorageAndScanning()
    {
        var options = Options.Create(new KioskOptions { DataDir = _dir.Path });
        var scanning = new ScanSourcesHealth(_time);
        scanning.Running(new IdleSource());
        var selfTest = new KioskSelfTest(options, new KioskTrust(options, NullLogger<KioskTrust>.Instance), scanning, new FleetLink(), _time);

        var (passed, json) = await selfTest.RunAsync(CancellationToken.None);

        Assert.False(passed);
        var checks = JsonSerializer.Deserialize<List<SelfTestCheck>>(json)!.ToDictionary(c => c.Name, c => c.Passed);
        Assert.Equal(new Dictionary<string, bool> { ["storage"] = true, ["trust"] = false, ["scanning"] = true, ["broker"] = false, ["gpio"] = true }, checks);
        Assert.Empty(Directory.GetFiles(_dir.Path, "selftest-*"));
    }

    public void Dispose() => _dir.Dispose();

    private sealed class IdleSource : IScanSource
    {
        public string Name => "idle";

        public IAsyncEnumerable<ScanEvent> ReadAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<ScanEvent>();
    }
}
