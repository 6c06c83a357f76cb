using Microsoft.Extensions.Time.Testing;
using ScanPoint.Hardware.Signals;

namespace ScanPoint.Hardware.Tests.Signals;

public sealed class SimulatedAccessSignalsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);

    [Fact]
    public async Task Show_AcceptedWithPulse_RecordsEveryChangeWithItsTime()
    {
        using var signals = new SimulatedAccessSignals(new SignalsOptions { Driver = "simulated" }, _time);

        signals.Show(SignalVerdict.Accepted);
        var pulse = signals.PulseRelayAsync(CancellationToken.None);
        Run(1000);
        await pulse;
        Run(2000);

        Assert.Equal(
        [
            new(T0, SignalOutputs.Green, true), new(T0, SignalOutputs.Buzzer, true), new(T0, SignalOutputs.Relay, true),
            new(T0.AddMilliseconds(150), SignalOutputs.Buzzer, false),
            new(T0.AddMilliseconds(1000), SignalOutputs.Relay, false),
            new(T0.AddMilliseconds(2000), SignalOutputs.Green, false),
        ], signals.Changes);
        Assert.Equal(new SignalsHealth("simulated", false, null, null), signals.Health);
    }

    [Fact]
    public void Idle_DuringPattern_EverythingOffAndNothingLater()
    {
        using var signals = new SimulatedAccessSignals(new SignalsOptions { Driver = "simulated" }, _time);

        signals.Show(SignalVerdict.Rejected);
        Run(50);
        signals.Idle();
        Run(3000);

        Assert.Equal(SignalOutputs.None, signals.Outputs);
        Assert.Null(signals.Playing);
        Assert.All(signals.Changes.Skip(2), c => Assert.Equal(T0.AddMilliseconds(50), c.At));
    }

    private void Run(int ms)
    {
        for (var i = 0; i < ms; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }
    }
}
