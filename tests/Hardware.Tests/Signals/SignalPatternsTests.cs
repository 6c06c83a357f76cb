using ScanPoint.Hardware.Signals;

namespace ScanPoint.Hardware.Tests.Signals;

public sealed class SignalPatternsTests
{
    [Theory]
    [InlineData(SignalVerdict.Accepted, 1)]
    [InlineData(SignalVerdict.Rejected, 3)]
    [InlineData(SignalVerdict.Unverifiable, 1)]
    [InlineData(SignalVerdict.Error, 2)]
    public void For_EachVerdict_TwoSecondsWithItsBeeps(SignalVerdict verdict, int beeps)
    {
        var pattern = SignalPatterns.For(verdict);

        Assert.Equal(TimeSpan.FromSeconds(2), pattern.Duration);
        Assert.Equal(beeps, pattern.Steps.Count(s => s.On.HasFlag(SignalOutputs.Buzzer)));
        Assert.Equal(SignalOutputs.None, pattern.Steps.Aggregate(SignalOutputs.None, (all, s) => all | s.On) & SignalOutputs.Relay);
    }

    [Fact]
    public void Constructor_ZeroLengthStep_Throws() =>
        Assert.Throws<ArgumentException>(() => new SignalPattern("bad", [new(SignalOutputs.Green, TimeSpan.Zero)]));

    [Fact]
    public void Constructor_RelayInAPattern_Throws() =>
        Assert.Throws<ArgumentException>(() => new SignalPattern("bad", [new(SignalOutputs.Relay, TimeSpan.FromSeconds(1))]));
}
