using ScanPoint.Kiosk.Systemd;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Systemd;

public sealed class SdNotifierTests : IDisposable
{
    private readonly TempDirectory _dir = new("sdnotify");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Notify_PathSocket_OneDatagramPerState()
    {
        using var socket = new NotifySocket(_dir.File("notify"));

        socket.Notifier.Notify("READY=1\nSTATUS=Ready");
        socket.Notifier.Notify("WATCHDOG=1");

        Assert.Equal("READY=1\nSTATUS=Ready", await socket.ReceiveAsync());
        Assert.Equal("WATCHDOG=1", await socket.ReceiveAsync());
    }

    [Fact]
    public async Task Notify_AbstractNamespace_Delivered()
    {
        using var socket = new NotifySocket($"@scanpoint-test-{Guid.NewGuid():N}");

        socket.Notifier.Notify("READY=1");

        Assert.Equal("READY=1", await socket.ReceiveAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/notify")]
    [InlineData("@")]
    public void Notify_NoUsableAddress_DisabledAndSilent(string? address)
    {
        var notifier = new SdNotifier(address);

        notifier.Notify("READY=1");

        Assert.False(notifier.IsEnabled);
    }

    [Fact]
    public void Notify_NobodyListening_Throws() =>
        Assert.ThrowsAny<System.Net.Sockets.SocketException>(() => new SdNotifier(_dir.File("gone")).Notify("READY=1"));
}
