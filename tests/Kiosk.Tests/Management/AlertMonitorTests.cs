using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.Management;
using ScanPoint.Kiosk.Management;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Management;

/// <summary>Hysteresis on the fake clock: raise after raiseAfter, clear after clearAfter, nothing for a flap.</summary>
public sealed class AlertMonitorTests : IDisposable
{
    private static readonly TimeSpan RaiseAfter = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ClearAfter = TimeSpan.FromMinutes(10);
    private static readonly Dictionary<string, string> Hot = new() { [AlertConditions.CpuHot] = "CPU 91 °C, maximum 80 °C" };
    private static readonly Dictionary<string, string> Fine = [];
    private readonly TempDirectory _dir = new("alerts");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly AlertQueue _queue;
    private readonly AlertMonitor _monitor;

    public AlertMonitorTests()
    {
        _queue = new AlertQueue(_dir.Path);
        _monitor = new AlertMonitor(_queue, _time, NullLogger<AlertMonitor>.Instance);
    }

    [Fact]
    public void Observe_ConditionFlappingFasterThanRaiseAfter_RaisesNothing()
    {
        for (var i = 0; i < 20; i++)
        {
            Step(i % 2 == 0 ? Hot : Fine, TimeSpan.FromMinutes(1));
        }

        Assert.Empty(_queue.Pending);
    }

    [Fact]
    public void Observe_ConditionHeld_RaisesOnceAfterRaiseAfter()
    {
        Step(Hot, TimeSpan.FromMinutes(1));
        Step(Hot, TimeSpan.FromMinutes(1));
        Assert.Empty(_queue.Pending);

        for (var i = 0; i < 10; i++)
        {
            Step(Hot, TimeSpan.FromMinutes(1));
        }

        var raised = Assert.Single(_queue.Pending);
        Assert.Equal((1L, AlertConditions.CpuHot, AlertChanged.Raised), (raised.Seq, raised.Kind, raised.State));
        Assert.Contains("91", raised.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_RaisedThenClear_ClearsOnlyAfterClearAfter()
    {
        for (var i = 0; i < 4; i++)
        {
            Step(Hot, TimeSpan.FromMinutes(1));
        }

        for (var i = 0; i < 9; i++)
        {
            Step(Fine, TimeSpan.FromMinutes(1));
        }

        Step(Hot, TimeSpan.FromMinutes(1)); // back before clearAfter: the clear starts over
        for (var i = 0; i < 10; i++)
        {
            Step(Fine, TimeSpan.FromMinutes(1));
        }

        Assert.Single(_queue.Pending);
        Step(Fine, TimeSpan.FromMinutes(1));

        Assert.Equal([(1L, AlertChanged.Raised), (2L, AlertChanged.Cleared)], _queue.Pending.Select(a => (a.Seq, a.State)));
        Assert.False(_queue.IsRaised(AlertConditions.CpuHot));
    }

    [Fact]
    public void Observe_AfterRestart_RemembersRaisedKindsAndSeq()
    {
        for (var i = 0; i < 4; i++)
        {
            Step(Hot, TimeSpan.FromMinutes(1));
        }

        var queue = new AlertQueue(_dir.Path);
        var restarted = new AlertMonitor(queue, _time, NullLogger<AlertMonitor>.Instance);
        for (var i = 0; i < 11; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            restarted.Observe(Fine, RaiseAfter, ClearAfter);
        }

        Assert.Equal([(1L, AlertChanged.Raised), (2L, AlertChanged.Cleared)], queue.Pending.Select(a => (a.Seq, a.State)));
    }

    public void Dispose() => _dir.Dispose();

    private void Step(Dictionary<string, string> active, TimeSpan advance)
    {
        _monitor.Observe(active, RaiseAfter, ClearAfter);
        _time.Advance(advance);
    }
}
