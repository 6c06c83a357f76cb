using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Hardware.Signals;

namespace ScanPoint.Hardware.Tests.Signals;

public sealed class GpioAccessSignalsTests : IDisposable
{
    private const int Green = 17, Red = 27, Buzzer = 22, Relay = 23;
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(T0);
    private readonly FakeGpioDriver _driver;
    private readonly GpioController _controller;

    public GpioAccessSignalsTests()
    {
        _driver = new FakeGpioDriver(_time);
        _controller = new GpioController(_driver);
    }

    public void Dispose() => _controller.Dispose();

    [Fact]
    public void Constructor_PinMap_OpensEveryPinOff()
    {
        using var signals = Create(o => o.RelayActiveLow = true);

        Assert.Equal([Green, Buzzer, Relay, Red], _driver.OpenPins.Order());
        Assert.All(new[] { Green, Red, Buzzer }, pin => Assert.Equal(PinValue.Low, _driver.Level(pin)));
        Assert.Equal(PinValue.High, _driver.Level(Relay)); // an active-low relay is released high
        Assert.False(signals.Health.Faulted);
        Assert.Equal("gpio", signals.Health.Driver);
    }

    [Fact]
    public void Show_Accepted_GreenWithOneShortBeep()
    {
        using var signals = Create();

        signals.Show(SignalVerdict.Accepted);
        Run(5000);

        Assert.Equal(
        [
            At(0, Green, PinValue.High), At(0, Buzzer, PinValue.High),
            At(150, Buzzer, PinValue.Low),
            At(2000, Green, PinValue.Low),
        ], _driver.Writes);
        Assert.Null(signals.Playing);
    }

    [Fact]
    public void Show_Rejected_RedWithThreeBeeps()
    {
        using var signals = Create();

        signals.Show(SignalVerdict.Rejected);
        Run(5000);

        Assert.Equal(
        [
            At(0, Red, PinValue.High), At(0, Buzzer, PinValue.High),
            At(100, Buzzer, PinValue.Low),
            At(200, Buzzer, PinValue.High),
            At(300, Buzzer, PinValue.Low),
            At(400, Buzzer, PinValue.High),
            At(500, Buzzer, PinValue.Low),
            At(2000, Red, PinValue.Low),
        ], _driver.Writes);
    }

    [Fact]
    public void Show_Unverifiable_RedWithOneLongBeep()
    {
        using var signals = Create();

        signals.Show(SignalVerdict.Unverifiable);
        Run(5000);

        Assert.Equal(
        [
            At(0, Red, PinValue.High), At(0, Buzzer, PinValue.High),
            At(800, Buzzer, PinValue.Low),
            At(2000, Red, PinValue.Low),
        ], _driver.Writes);
    }

    [Fact]
    public void Show_Error_BlinksRedWithTwoLongBeeps()
    {
        using var signals = Create();

        signals.Show(SignalVerdict.Error);
        Run(5000);

        Assert.Equal(
        [
            At(0, Red, PinValue.High), At(0, Buzzer, PinValue.High),
            At(400, Red, PinValue.Low), At(400, Buzzer, PinValue.Low),
            At(600, Red, PinValue.High), At(600, Buzzer, PinValue.High),
            At(1000, Red, PinValue.Low), At(1000, Buzzer, PinValue.Low),
            At(1200, Red, PinValue.High),
            At(2000, Red, PinValue.Low),
        ], _driver.Writes);
    }

    [Fact]
    public void Show_ActiveLow_InvertsEveryLevel()
    {
        using var signals = Create(o => o.ActiveLow = true);
        Assert.Equal(PinValue.High, _driver.Level(Green)); // off

        signals.Show(SignalVerdict.Accepted);
        Run(5000);

        Assert.Equal(
        [
            At(0, Green, PinValue.Low), At(0, Buzzer, PinValue.Low),
            At(150, Buzzer, PinValue.High),
            At(2000, Green, PinValue.High),
        ], _driver.Writes);
        Assert.Equal(PinValue.Low, _driver.Level(Relay)); // the relay keeps its own polarity
    }

    [Fact]
    public async Task PulseRelayAsync_Pulse_EnergisesForThePulseThenReleases()
    {
        using var signals = Create(o => o.RelayActiveLow = true);

        var pulse = signals.PulseRelayAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1499));
        Assert.False(pulse.IsCompleted);
        Assert.Equal(PinValue.Low, _driver.Level(Relay)); // active-low: energised
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await pulse;

        Assert.Equal([At(0, Relay, PinValue.Low), At(1500, Relay, PinValue.High)], _driver.Writes);
        Assert.Equal(SignalOutputs.None, signals.Outputs);
    }

    [Fact]
    public async Task PulseRelayAsync_Cancelled_ReleasesAtOnceAndThrows()
    {
        using var signals = Create();
        using var cts = new CancellationTokenSource();

        var pulse = signals.PulseRelayAsync(cts.Token);
        _time.Advance(TimeSpan.FromMilliseconds(300));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pulse);
        Assert.Equal(PinValue.Low, _driver.Level(Relay));
        Assert.Equal(At(300, Relay, PinValue.Low), _driver.Writes[^1]);
    }

    [Fact]
    public async Task PulseRelayAsync_Overlapping_StaysEnergisedUntilTheLastEnds()
    {
        using var signals = Create();

        var first = signals.PulseRelayAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1000));
        var second = signals.PulseRelayAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await first;
        Assert.Equal(PinValue.High, _driver.Level(Relay));
        _time.Advance(TimeSpan.FromMilliseconds(1000));
        await second;

        Assert.Equal([At(0, Relay, PinValue.High), At(2500, Relay, PinValue.Low)], _driver.Writes);
    }

    [Fact]
    public async Task Show_NewVerdictDuringAnother_SupersedesThePatternAndTheRelayIsStillReleased()
    {
        using var signals = Create();

        signals.Show(SignalVerdict.Accepted);
        var pulse = signals.PulseRelayAsync(CancellationToken.None);
        Run(50);
        signals.Show(SignalVerdict.Rejected);
        Run(1450);
        await pulse;
        Run(5000);

        Assert.Equal(
        [
            At(0, Green, PinValue.High), At(0, Buzzer, PinValue.High), At(0, Relay, PinValue.High),
            At(50, Green, PinValue.Low), At(50, Red, PinValue.High), // the beep already sounding is the first of three
            At(150, Buzzer, PinValue.Low),
            At(250, Buzzer, PinValue.High),
            At(350, Buzzer, PinValue.Low),
            At(450, Buzzer, PinValue.High),
            At(550, Buzzer, PinValue.Low),
            At(1500, Relay, PinValue.Low),
            At(2050, Red, PinValue.Low),
        ], _driver.Writes);
    }

    [Fact]
    public async Task Dispose_DuringPatternAndPulse_EverythingOffPinsClosedControllerKept()
    {
        var signals = Create();
        signals.Show(SignalVerdict.Accepted);
        var pulse = signals.PulseRelayAsync(CancellationToken.None);

        signals.Dispose();
        await pulse;
        Run(5000);

        Assert.All(new[] { Green, Red, Buzzer, Relay }, pin => Assert.Equal(PinValue.Low, _driver.Level(pin)));
        Assert.Empty(_driver.OpenPins);
        Assert.False(_driver.Disposed); // the caller's controller
        Assert.All(_driver.Writes, w => Assert.Equal(T0, w.At));
    }

    [Fact]
    public void Show_WriteThrows_FaultedAndTheOtherOutputsStillWork()
    {
        using var signals = Create();
        _driver.FailWrite.Add(Buzzer);

        signals.Show(SignalVerdict.Accepted); // must not throw
        Run(5000);

        Assert.True(signals.Health.Faulted);
        Assert.Contains("write failed", signals.Health.Reason, StringComparison.Ordinal);
        Assert.Equal(T0, signals.Health.FaultedAt);
        Assert.Contains(_driver.Writes, w => w.Pin == Green && w.Value == PinValue.High);
        Assert.Equal(PinValue.Low, _driver.Level(Green));
    }

    [Fact]
    public async Task Constructor_PinCannotBeOpened_FaultedAndNeverThrows()
    {
        _driver.FailOpen.Add(Red);
        using var signals = Create();

        signals.Show(SignalVerdict.Rejected);
        Run(5000);
        var pulse = signals.PulseRelayAsync(CancellationToken.None);
        Run(5000);
        await pulse;

        Assert.True(signals.Health.Faulted);
        Assert.Contains("busy", signals.Health.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(_driver.Writes, w => w.Pin == Red);
        Assert.Contains(_driver.Writes, w => w.Pin == Relay && w.Value == PinValue.High);
    }

    [Fact]
    public void Open_NoSuchGpioChip_FaultedSignalsThatDoNothing()
    {
        using var signals = GpioAccessSignals.Open(new SignalsOptions { Driver = "gpio", Chip = 63 }, _time);

        signals.Show(SignalVerdict.Accepted);

        Assert.True(signals.Health.Faulted);
        Assert.Equal("gpio", signals.Health.Driver);
        Assert.False(string.IsNullOrEmpty(signals.Health.Reason));
    }

    private GpioAccessSignals Create(Action<SignalsOptions>? configure = null)
    {
        var options = new SignalsOptions { Driver = "gpio", RelayPulse = TimeSpan.FromMilliseconds(1500) };
        configure?.Invoke(options);
        var signals = new GpioAccessSignals(_controller, options, _time);
        _driver.ClearWrites(); // opening drove every pin off
        return signals;
    }

    /// <summary>FakeTimeProvider moves its clock to the end of an Advance before it fires timers: step 1 ms at a time.</summary>
    private void Run(int ms)
    {
        for (var i = 0; i < ms; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    private static PinWrite At(int ms, int pin, PinValue value) => new(T0.AddMilliseconds(ms), pin, value);
}
