using Microsoft.Extensions.Time.Testing;
using ScanPoint.Kiosk.Systemd;

namespace ScanPoint.Kiosk.Tests.Systemd;

public sealed class WorkerProgressTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Stuck_NothingBusy_Null() => Assert.Null(new WorkerProgress(_time).Stuck(TimeSpan.FromSeconds(1)));

    [Fact]
    public void Stuck_OldestOperationPastTheBound_NamesIt()
    {
        var progress = new WorkerProgress(_time);
        using var first = progress.Busy("camera:0");
        _time.Advance(TimeSpan.FromSeconds(4));
        using var second = progress.Busy("hid:usb");
        Assert.Null(progress.Stuck(TimeSpan.FromSeconds(5)));

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(new StuckWorker("camera:0", TimeSpan.FromSeconds(5)), progress.Stuck(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Busy_Disposed_CountedAndNoLongerStuck()
    {
        var progress = new WorkerProgress(_time);
        var busy = progress.Busy("lines");
        _time.Advance(TimeSpan.FromMinutes(1));

        busy.Dispose();
        busy.Dispose();

        Assert.Null(progress.Stuck(TimeSpan.FromSeconds(1)));
        Assert.Equal(1, progress.Completed);
    }
}
