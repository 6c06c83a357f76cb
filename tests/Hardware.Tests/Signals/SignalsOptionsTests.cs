using System.ComponentModel.DataAnnotations;
using ScanPoint.Hardware.Signals;

namespace ScanPoint.Hardware.Tests.Signals;

public sealed class SignalsOptionsTests
{
    [Fact]
    public void Validate_Defaults_Valid() => Assert.Empty(Errors(new SignalsOptions()));

    [Fact]
    public void Validate_UnknownDriver_NamesTheKey() =>
        Assert.Contains(Errors(new SignalsOptions { Driver = "pwm" }), e => e.Contains("Signals:Driver", StringComparison.Ordinal));

    [Fact]
    public void Validate_TwoOutputsOnOnePin_Invalid() =>
        Assert.Contains(Errors(new SignalsOptions { RedPin = 17 }), e => e.Contains("different pins", StringComparison.Ordinal));

    [Fact]
    public void Validate_RelayWithoutPin_Invalid() =>
        Assert.Contains(Errors(new SignalsOptions { Relay = true, RelayPin = null }), e => e.Contains("Signals:RelayPin", StringComparison.Ordinal));

    [Fact]
    public void Validate_ZeroRelayPulse_NamesTheKey() =>
        Assert.Contains(Errors(new SignalsOptions { RelayPulse = TimeSpan.Zero }), e => e.Contains("Signals:RelayPulse", StringComparison.Ordinal));

    [Fact]
    public void Pins_UnsetPin_NotWired()
    {
        var pins = new SignalsOptions { BuzzerPin = null }.Pins();

        Assert.Equal([SignalOutputs.Green, SignalOutputs.Red, SignalOutputs.Relay], pins.Keys.Order());
    }

    private static List<string> Errors(SignalsOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        if (results.Count == 0)
        {
            results.AddRange(options.Validate(new ValidationContext(options)));
        }

        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }
}
