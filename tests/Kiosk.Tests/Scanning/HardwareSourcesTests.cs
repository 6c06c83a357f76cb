using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Reporting;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.Kiosk.Verification;
using ScanPoint.QrCorpus;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Scanning;

/// <summary>
/// The kiosk's scan sources from their specs, side by side: a camera reading a recorded 1280x720 video and a USB HID
/// imager's recorded evdev stream (through a FIFO) both end up as check-ins, each once, with the sources' metrics in
/// the health report.
/// </summary>
public sealed class HardwareSourcesTests : IDisposable
{
    private readonly TempDirectory _dir = new("hardware-sources");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_camera_video_and_a_hid_imager_are_merged_into_one_outbox_each_code_once()
    {
        var dcc = DccPrefix("AT/2DCode/raw/1.json");
        var video = _dir.File("door.avi");
        QrVideo.Write(video, [.. Enumerable.Repeat<string?>(null, 10), .. Enumerable.Repeat<string?>(dcc, 30), .. Enumerable.Repeat<string?>(null, 10)]);
        var fifo = _dir.File("imager");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", ["-m", "600", fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        const string HidText = "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQ/0-.:";
        var recording = Path.Combine(TestData.RepositoryRoot, "tests", "Hardware.Tests", "Hid", "Recordings", "us-hc1.evdev");

        var options = Options.Create(new KioskOptions { DataDir = _dir.Path });
        using var outbox = new LiteDbCheckInOutbox(new FileOutboxStorage(_dir.Path), "kiosk-1", "site-1", TimeProvider.System, NullLogger<LiteDbCheckInOutbox>.Instance);
        var health = new ScanSourcesHealth(TimeProvider.System);
        var sources = new[] { $"camera:file={video}?fps=30", $"hid:{fifo}?grab=false" }
            .Select(spec => ScanSourceFactory.Create(spec, outbox, TimeProvider.System, 8192)).ToList();
        var verifier = new CodeVerifier(new KioskTrust(options, NullLogger<KioskTrust>.Instance), TimeProvider.System, Clock.ClockGuards.Trusting(TimeProvider.System, _dir.Path));
        using var worker = new ScanWorker(sources, health, outbox, new OutboxSignal(), verifier, options, TimeProvider.System, NullLogger<ScanWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await using (var imager = new FileStream(fifo, FileMode.Open, FileAccess.Write))
        {
            await imager.WriteAsync(await File.ReadAllBytesAsync(recording));
            await imager.FlushAsync();
            await Eventually.TrueAsync(() => outbox.GetStatus().Pending >= 2 && health.Snapshot().Any(s => s.Name.StartsWith("camera:", StringComparison.Ordinal) && s.State == "ended"), TimeSpan.FromSeconds(60), "both codes recorded and the video played out");
            await worker.StopAsync(CancellationToken.None);
        }

        var recorded = outbox.PeekPending(0, 10);
        Assert.Equal(2, recorded.Count);
        Assert.Equal(new[] { PayloadHash.Of(dcc), PayloadHash.Of(HidText) }.Order(StringComparer.Ordinal), recorded.Select(r => r.PayloadHash).Order(StringComparer.Ordinal));
        Assert.Contains(recorded, r => r.Format == "dcc");
        var camera = health.Snapshot().Single(s => s.Name.StartsWith("camera:", StringComparison.Ordinal));
        Assert.Equal(1, camera.Scans);
        Assert.Equal(1, camera.Metrics["scans"]);
        Assert.True(camera.Metrics["frames_captured"] >= 50 - 1, $"frames captured: {camera.Metrics["frames_captured"]}");
        Assert.True(camera.Metrics["decode_ms_mean"] > 0);
        var hid = health.Snapshot().Single(s => s.Name.StartsWith("hid:", StringComparison.Ordinal));
        Assert.Equal(1, hid.Metrics["scans"]);
    }

    private static string DccPrefix(string relative)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestData.Root, "dcc", relative)));
        return doc.RootElement.GetProperty("PREFIX").GetString()!;
    }
}
