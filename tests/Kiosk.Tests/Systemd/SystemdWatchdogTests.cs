using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Systemd;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Systemd;

public sealed class SystemdWatchdogTests : IDisposable
{
    private readonly TempDirectory _dir = new("systemd");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private readonly LiteDbCheckInOutbox _outbox;
    private readonly WorkerProgress _progress;

    public SystemdWatchdogTests()
    {
        _outbox = new LiteDbCheckInOutbox(new FileOutboxStorage(_dir.Path), "kiosk-1", "site-1", _time, NullLogger<LiteDbCheckInOutbox>.Instance);
        _progress = new WorkerProgress(_time);
    }

    public void Dispose()
    {
        _outbox.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("30000000", null, 15_000)]
    [InlineData("2000000", "4242", 1_000)]
    [InlineData("2000000", "1", null)] // another process's watchdog
    [InlineData(null, null, null)]
    [InlineData("0", null, null)]
    [InlineData("-5", null, null)]
    public void IntervalFrom_WatchdogUsec_HalfOfIt(string? usec, string? pid, int? expectedMs) =>
        Assert.Equal(expectedMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, SystemdWatchdog.IntervalFrom(usec, pid, processId: 4242));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExecuteAsync_HostStarted_ReadyAndStatusThenStoppingOnShutdown(bool abstractNamespace)
    {
        using var socket = new NotifySocket(abstractNamespace ? $"@scanpoint-test-{Guid.NewGuid():N}" : _dir.File("notify"));
        using var watchdog = Create(socket, watchdogUsec: null);

        await watchdog.StartAsync(CancellationToken.None);
        Assert.Equal(0, socket.Available); // nothing before the host has started
        _lifetime.NotifyStarted();
        var ready = await socket.ReceiveAsync();
        _lifetime.StopApplication();
        var stopping = await socket.ReceiveAsync();
        await watchdog.StopAsync(CancellationToken.None);

        Assert.Equal("READY=1\nSTATUS=Ready: 0 check-ins pending", ready);
        Assert.Equal("STOPPING=1\nSTATUS=Stopping", stopping);
    }

    [Fact]
    public async Task ExecuteAsync_WatchdogUsec_PetsAtOnceThenEveryHalfInterval()
    {
        using var socket = new NotifySocket(_dir.File("notify"));
        using var watchdog = Create(socket, watchdogUsec: "2000000");
        await StartedAsync(watchdog, socket);

        Assert.StartsWith("WATCHDOG=1\n", await socket.ReceiveAsync(), StringComparison.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("WATCHDOG=1\nSTATUS=Scanning: 0 scans handled, 0 check-ins pending", await socket.ReceiveAsync());
        }

        await watchdog.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_WorkerStuck_NoWatchdogUntilItMovesAgain()
    {
        using var socket = new NotifySocket(_dir.File("notify"));
        using var watchdog = Create(socket, watchdogUsec: "10000000"); // pet every 5 s; stuck after 10 s
        await StartedAsync(watchdog, socket);
        Assert.StartsWith("WATCHDOG=1", await socket.ReceiveAsync(), StringComparison.Ordinal);

        var busy = _progress.Busy("lines:/var/scans");
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.StartsWith("WATCHDOG=1", await socket.ReceiveAsync(), StringComparison.Ordinal); // 5 s: slow, not stuck
        for (var i = 2; i <= 4; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal($"STATUS=Stuck: lines:/var/scans busy for {i * 5} s; watchdog withheld", await socket.ReceiveAsync());
        }

        busy.Dispose();
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("WATCHDOG=1\nSTATUS=Scanning: 1 scans handled, 0 check-ins pending", await socket.ReceiveAsync());
        await watchdog.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_NoNotifySocket_DoesNothing()
    {
        using var watchdog = new SystemdWatchdog(new SdNotifier(null), _progress, _outbox, _lifetime,
            Options.Create(new SystemdOptions()), new ConfigurationBuilder().Build(), _time, NullLogger<SystemdWatchdog>.Instance);

        await watchdog.StartAsync(CancellationToken.None);
        await watchdog.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10)); // returns at once, without waiting for the host

        Assert.True(watchdog.ExecuteTask.IsCompletedSuccessfully);
    }

    private async Task StartedAsync(SystemdWatchdog watchdog, NotifySocket socket)
    {
        await watchdog.StartAsync(CancellationToken.None);
        _lifetime.NotifyStarted();
        Assert.StartsWith("READY=1", await socket.ReceiveAsync(), StringComparison.Ordinal);
    }

    private SystemdWatchdog Create(NotifySocket socket, string? watchdogUsec)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["WATCHDOG_USEC"] = watchdogUsec }).Build();
        return new SystemdWatchdog(socket.Notifier, _progress, _outbox, _lifetime, Options.Create(new SystemdOptions { StuckAfter = TimeSpan.FromSeconds(10) }),
            configuration, _time, NullLogger<SystemdWatchdog>.Instance);
    }
}
