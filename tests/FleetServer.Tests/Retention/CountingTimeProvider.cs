using Microsoft.Extensions.Time.Testing;

namespace ScanPoint.FleetServer.Tests.Retention;

/// <summary>A fake clock that counts the timers made on it, so a test can advance it once a worker is waiting.</summary>
internal sealed class CountingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _timers;

    public int Timers => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timers);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
