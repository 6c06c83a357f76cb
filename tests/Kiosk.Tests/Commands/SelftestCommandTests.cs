using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Credentials.Trust;
using ScanPoint.Hardware.Signals;
using ScanPoint.Kiosk.Commands;
using ScanPoint.Kiosk.Management;
using ScanPoint.Kiosk.Provisioning;
using ScanPoint.Kiosk.Verification;
using ScanPoint.QrCorpus;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Commands;

/// <summary>Each of <c>kiosk selftest</c>'s checks passing and failing, and the command's table, JSON and exit code.</summary>
public sealed class SelftestCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("selftest");
    private readonly FakeTimeProvider _time = new(Now);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Storage_WritableDataDir_Passes()
    {
        var check = SelftestCommandChecks.Storage(_dir.Path);

        Assert.True(check.Passed, check.Detail);
        Assert.False(File.Exists(_dir.File(SelftestCommandChecks.StorageProbeName)));
    }

    [Fact]
    public void Storage_DataDirUnderAFile_Fails()
    {
        File.WriteAllText(_dir.File("plain"), "");

        Assert.False(SelftestCommandChecks.Storage(_dir.File("plain/data")).Passed);
    }

    [Fact]
    public void Clock_NoLastKnownGoodTime_PassesWithTheTime() =>
        Assert.Equal(SelftestCheck.Pass("clock", "now 2026-11-23T08:00:00.0000000+00:00 (no last-known-good time saved yet)"), SelftestCommandChecks.Clock(_dir.Path, _time));

    [Fact]
    public void Clock_AfterLastKnownGoodTime_Passes()
    {
        File.WriteAllText(_dir.File(SelftestCommandChecks.LastKnownGoodFileName), Now.AddHours(-1).ToString("O", CultureInfo.InvariantCulture));

        Assert.True(SelftestCommandChecks.Clock(_dir.Path, _time).Passed);
    }

    [Theory]
    [InlineData("2026-11-24T08:00:00.0000000+00:00", "behind the last-known-good time")]
    [InlineData("yesterday", "unreadable")]
    public void Clock_BehindOrUnreadable_Fails(string saved, string expected)
    {
        File.WriteAllText(_dir.File(SelftestCommandChecks.LastKnownGoodFileName), saved);

        var check = SelftestCommandChecks.Clock(_dir.Path, _time);

        Assert.False(check.Passed);
        Assert.Contains(expected, check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Trust_FreshBundle_Passes()
    {
        var check = SelftestCommandChecks.Trust(PinnedTrust(), _time);

        Assert.True(check.Passed, check.Detail);
        Assert.StartsWith("bundle v3 issued", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Trust_PastItsMaxAge_Fails()
    {
        var trust = PinnedTrust();
        _time.Advance(TimeSpan.FromDays(8));

        var check = SelftestCommandChecks.Trust(trust, _time);

        Assert.False(check.Passed);
        Assert.Contains("past their maximum age", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Trust_NoAnchorPinned_Fails() =>
        Assert.False(SelftestCommandChecks.Trust(new KioskTrust(Options.Create(new KioskOptions { DataDir = _dir.Path }), NullLogger<KioskTrust>.Instance), _time).Passed);

    [Fact]
    public async Task GpioAsync_SimulatedSignals_BlinksAndPasses()
    {
        using var signals = new SimulatedAccessSignals(new SignalsOptions { Driver = "simulated" }, TimeProvider.System);

        var check = await SelftestCommandChecks.GpioAsync(signals, TimeProvider.System, CancellationToken.None);

        Assert.True(check.Passed, check.Detail);
        Assert.Contains(signals.Changes, c => c is { Output: SignalOutputs.Green, On: true });
        Assert.Equal(SignalOutputs.None, signals.Outputs);
    }

    [Fact]
    public async Task GpioAsync_FaultedSignals_Fails()
    {
        using var signals = DisabledAccessSignals.Faulted("gpio", "IOException: no gpiochip0", _time);

        var check = await SelftestCommandChecks.GpioAsync(signals, _time, CancellationToken.None);

        Assert.Equal(SelftestCheck.Fail("gpio", "the gpio signals are faulted: IOException: no gpiochip0"), check);
    }

    [Fact]
    public async Task BrokerAsync_ListeningBroker_Passes()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Provision(((IPEndPoint)listener.LocalEndpoint).Port);

        var check = await SelftestCommandBroker.CheckAsync(_dir.Path, TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None);

        Assert.True(check.Passed, check.Detail);
    }

    [Fact]
    public async Task BrokerAsync_NothingListening_Fails()
    {
        Provision(FreePort.Next());

        var check = await SelftestCommandBroker.CheckAsync(_dir.Path, TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None);

        Assert.False(check.Passed);
        Assert.StartsWith("127.0.0.1:", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokerAsync_NotProvisioned_Fails() =>
        Assert.Contains("not provisioned", (await SelftestCommandBroker.CheckAsync(_dir.Path, TimeSpan.FromSeconds(1), _time, CancellationToken.None)).Detail, StringComparison.Ordinal);

    [Fact]
    public async Task ScannersAsync_CameraSeesTheTestCard_Passes()
    {
        var video = _dir.File("card.avi");
        QrVideo.Write(video, [.. Enumerable.Repeat<string?>(null, 3), .. Enumerable.Repeat<string?>(SelftestCommand.DefaultTestCard, 5)]);
        File.WriteAllText(_dir.File("scans.txt"), "");

        var check = await SelftestCommandScanners.CheckAsync([$"camera:file={video}", $"lines:{_dir.File("scans.txt")}"], SelftestCommand.DefaultTestCard,
            TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);

        Assert.True(check.Passed, check.Detail);
        Assert.Contains("read the test card in frame 4", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScannersAsync_CameraSeesAnotherCode_FailsWithoutPrintingIt()
    {
        var video = _dir.File("other.avi");
        QrVideo.Write(video, [.. Enumerable.Repeat<string?>("HC1:SOMEONE ELSE", 4)]);

        var check = await SelftestCommandScanners.CheckAsync([$"camera:file={video}"], SelftestCommand.DefaultTestCard, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);

        Assert.False(check.Passed);
        Assert.Contains("no test card", check.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("SOMEONE", check.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hid:/dev/input/by-id/no-such-imager")]
    [InlineData("serial:/dev/ttyNOSUCH0")]
    [InlineData("camera:/dev/video-none")]
    [InlineData("printer:/dev/lp0")]
    public async Task ScannersAsync_MissingDevice_Fails(string spec) =>
        Assert.False((await SelftestCommandScanners.CheckAsync([spec], SelftestCommand.DefaultTestCard, TimeSpan.FromSeconds(1), _time, CancellationToken.None)).Passed);

    [Fact]
    public async Task ScannersAsync_NoneConfigured_Fails() =>
        Assert.False((await SelftestCommandScanners.CheckAsync([], SelftestCommand.DefaultTestCard, TimeSpan.FromSeconds(1), _time, CancellationToken.None)).Passed);

    [Fact]
    public async Task RunAsync_UnreachableBroker_TableJsonAndExitCodeOne()
    {
        Provision(FreePort.Next());
        File.WriteAllText(_dir.File("scans.txt"), "");
        string[] args = ["--data-dir", _dir.Path, "--scan-source", $"lines:{_dir.File("scans.txt")}", "--Signals:Driver=simulated", "--timeout", "5s"];

        using var table = new StringWriter();
        var code = await SelftestCommand.RunAsync(args, table, TextWriter.Null, TimeProvider.System, CancellationToken.None);
        using var json = new StringWriter();
        await SelftestCommand.RunAsync([.. args, "--json"], json, TextWriter.Null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("scanners  PASS", table.ToString(), StringComparison.Ordinal);
        Assert.Contains("broker    FAIL", table.ToString(), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(json.ToString());
        Assert.False(report.RootElement.GetProperty("passed").GetBoolean());
        var passed = report.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("passed").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["scanners"] = true, ["gpio"] = true, ["clock"] = true, ["storage"] = true, ["broker"] = false, ["trust"] = false }, passed);
        var kept = LastSelftest.Load(_dir.Path);
        Assert.NotNull(kept);
        Assert.False(kept.Passed);
        Assert.Equal(["broker", "trust"], kept.Failed.Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("--data-dir /tmp --timeout soon")]
    public async Task RunAsync_BadArguments_Usage(string args) =>
        Assert.Equal(SelftestCommand.UsageError, await SelftestCommand.RunAsync(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), TextWriter.Null, TextWriter.Null, _time, CancellationToken.None));

    private void Provision(int port) =>
        new KioskIdentity("kiosk-1", "HN", "site-1", new Uri($"mqtt://127.0.0.1:{port}"), "secret").Save(_dir.Path);

    private KioskTrust PinnedTrust()
    {
        using var anchor = TrustAnchor.Create();
        File.WriteAllText(_dir.File(KioskTrust.AnchorFileName), anchor.PublicKeyPem());
        File.WriteAllBytes(_dir.File("bundle.cose"), TestTrustBundles.Sign(anchor, 3, Now));
        return new KioskTrust(Options.Create(new KioskOptions { DataDir = _dir.Path, TrustBundle = _dir.File("bundle.cose") }), NullLogger<KioskTrust>.Instance);
    }
}
