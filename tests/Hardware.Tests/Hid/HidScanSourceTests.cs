using Microsoft.Extensions.Time.Testing;
using ScanPoint.Hardware.Hid;
using ScanPoint.TestKit;

namespace ScanPoint.Hardware.Tests.Hid;

public sealed class HidScanSourceTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ReadAsync_RegularFileWithoutGrab_YieldsScansThenThrowsAtTheEnd()
    {
        using var dir = new TempDirectory("hid");
        await File.WriteAllBytesAsync(dir.File("event0"), [.. ScannerKeystrokes.Type("HC1:AB", KeyboardLayout.Fr), .. ScannerKeystrokes.Type("shc:/01", KeyboardLayout.Fr)]);
        var source = new HidScanSource(new HidScanOptions { DevicePath = dir.File("event0"), Grab = false, Layout = KeyboardLayout.Fr }, _time);
        using var cts = new CancellationTokenSource(Bound);
        var scans = new List<string>();

        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var scan in source.ReadAsync(cts.Token))
            {
                scans.Add(scan.Text);
                Assert.Equal("hid:" + dir.File("event0"), scan.Source);
                Assert.Equal(_time.GetUtcNow(), scan.At);
            }
        });

        Assert.Equal(["HC1:AB", "shc:/01"], scans);
        Assert.Contains("ended", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, source.Scans);
        Assert.Equal(1, source.ReadErrors);
    }

    [Fact]
    public async Task ReadAsync_OverLongScan_IsCountedNotYielded()
    {
        using var dir = new TempDirectory("hid");
        await File.WriteAllBytesAsync(dir.File("event0"), [.. ScannerKeystrokes.Type("HC1:TOOLONG", KeyboardLayout.Us), .. ScannerKeystrokes.Type("HC1:OK", KeyboardLayout.Us)]);
        var source = new HidScanSource(new HidScanOptions { DevicePath = dir.File("event0"), Grab = false, MaxScanLength = 8 }, _time);
        using var cts = new CancellationTokenSource(Bound);
        await using var scans = source.ReadAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        Assert.True(await scans.MoveNextAsync());

        Assert.Equal("HC1:OK", scans.Current.Text);
        Assert.Equal(1, source.DroppedOverLong);
        Assert.Equal(1, source.Scans);
    }

    [Fact]
    public async Task ReadAsync_GrabOnAPlainFile_ThrowsNotAnEvdevDevice()
    {
        using var dir = new TempDirectory("hid");
        await File.WriteAllBytesAsync(dir.File("event0"), ScannerKeystrokes.Type("A", KeyboardLayout.Us));
        var source = new HidScanSource(new HidScanOptions { DevicePath = dir.File("event0") }, _time);
        using var cts = new CancellationTokenSource(Bound);

        var error = await Assert.ThrowsAsync<IOException>(async () => await source.ReadAsync(cts.Token).GetAsyncEnumerator(cts.Token).MoveNextAsync());

        Assert.Contains("not an evdev device", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, source.ReadErrors);
    }

    [Fact]
    public async Task ReadAsync_DeviceAppearsLater_WaitsForItThenReads()
    {
        using var dir = new TempDirectory("hid");
        var source = new HidScanSource(new HidScanOptions { DevicePath = dir.File("event3"), Grab = false, DevicePollInterval = TimeSpan.FromSeconds(1) }, _time);
        using var cts = new CancellationTokenSource(Bound);
        await using var scans = source.ReadAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        var next = scans.MoveNextAsync().AsTask();
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(next.IsCompleted);
        await File.WriteAllBytesAsync(dir.File("event3"), ScannerKeystrokes.Type("HC1:LATE", KeyboardLayout.Us), cts.Token);
        await Eventually.TrueAsync(() => { _time.Advance(TimeSpan.FromSeconds(1)); return next.IsCompleted; }, Bound, "the scan from the late device");

        Assert.True(await next);
        Assert.Equal("HC1:LATE", scans.Current.Text);
    }

    [Fact]
    public async Task ReadAsync_UsbIdSpec_FindsTheNodeThroughSysfs()
    {
        using var sys = new TempDirectory("sysfs");
        using var dev = new TempDirectory("dev");
        var id = Directory.CreateDirectory(Path.Combine(sys.Path, "event5", "device", "id")).FullName;
        await File.WriteAllTextAsync(Path.Combine(id, "vendor"), "05e0\n");
        await File.WriteAllTextAsync(Path.Combine(id, "product"), "1200\n");
        await File.WriteAllBytesAsync(dev.File("event5"), ScannerKeystrokes.Type("HC1:USB", KeyboardLayout.De));
        var options = HidScanOptions.Parse("hid:usb=05e0:1200?layout=de&grab=false");
        var source = new HidScanSource(options, _time, new UsbEventDeviceLocator(sys.Path, dev.Path));
        using var cts = new CancellationTokenSource(Bound);
        await using var scans = source.ReadAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        Assert.True(await scans.MoveNextAsync());
        Assert.Equal("HC1:USB", scans.Current.Text);
        Assert.Equal("hid:usb=05e0:1200", scans.Current.Source);
    }

    [Fact]
    public async Task ReadAsync_DeviceGoesAway_Throws()
    {
        using var dir = new TempDirectory("hid");
        var writer = Fifo.Create(dir.File("event1"));
        var source = new HidScanSource(new HidScanOptions { DevicePath = dir.File("event1"), Grab = false }, _time);
        using var cts = new CancellationTokenSource(Bound);
        await using var scans = source.ReadAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        await writer.WriteAsync(ScannerKeystrokes.Type("HC1:ONE", KeyboardLayout.Us), cts.Token);
        await writer.FlushAsync(cts.Token);
        Assert.True(await scans.MoveNextAsync());
        Assert.Equal("HC1:ONE", scans.Current.Text);
        var next = scans.MoveNextAsync().AsTask();
        await writer.DisposeAsync();

        await Assert.ThrowsAsync<IOException>(() => next);
        Assert.Equal(1, source.ReadErrors);
    }

    [Fact]
    public async Task ReadAsync_CancelledWhileWaitingForKeys_Ends()
    {
        using var dir = new TempDirectory("hid");
        await using var writer = Fifo.Create(dir.File("event1"));
        var source = new HidScanSource(new HidScanOptions { DevicePath = dir.File("event1"), Grab = false }, _time);
        using var cts = new CancellationTokenSource();
        await using var scans = source.ReadAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = scans.MoveNextAsync().AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Bound));
        Assert.Equal(0, source.ReadErrors);
    }

    [Fact]
    public async Task DecodeAsync_NoTerminator_FlushesAfterTheInterKeyTimeout()
    {
        var options = new HidScanOptions { DevicePath = "/dev/null", Terminators = HidTerminators.None, InterKeyTimeout = TimeSpan.FromMilliseconds(100) };
        var source = new HidScanSource(options, _time);
        using var device = new HeldStream();
        using var cts = new CancellationTokenSource(Bound);
        await using var scans = source.DecodeAsync(device, device.Interrupt, cts.Token).GetAsyncEnumerator(cts.Token);
        var next = scans.MoveNextAsync().AsTask();

        device.Add(ScannerKeystrokes.Type("HC1:NOEND", KeyboardLayout.Us, terminatorKey: null));
        await Eventually.TrueAsync(() => { _time.Advance(TimeSpan.FromMilliseconds(100)); return next.IsCompleted; }, Bound, "the flushed scan");

        Assert.True(await next);
        Assert.Equal("HC1:NOEND", scans.Current.Text);
        Assert.Equal(1, source.Scans);
    }
}
