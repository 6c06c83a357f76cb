using Microsoft.Extensions.Time.Testing;
using ScanPoint.Hardware.Signals;

namespace ScanPoint.Hardware.Tests.Signals;

public sealed class AccessSignalsFactoryTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Create_None_DisabledAndHealthy()
    {
        using var signals = AccessSignalsFactory.Create(new SignalsOptions { Driver = "none" }, _time);

        Assert.IsType<DisabledAccessSignals>(signals);
        Assert.Equal(SignalsHealth.Working("none"), signals.Health);
    }

    [Fact]
    public void Create_Simulated_Simulated()
    {
        using var signals = AccessSignalsFactory.Create(new SignalsOptions { Driver = "simulated" }, _time);

        Assert.IsType<SimulatedAccessSignals>(signals);
    }

    [Fact]
    public void Create_Unknown_Throws() =>
        Assert.Throws<ArgumentException>(() => AccessSignalsFactory.Create(new SignalsOptions { Driver = "pwm" }, _time));
}
