namespace ScanPoint.Hardware.Signals;

/// <summary>Builds the <see cref="IAccessSignals"/> that <see cref="SignalsOptions.Driver"/> names.</summary>
public static class AccessSignalsFactory
{
    public static IAccessSignals Create(SignalsOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Driver switch
        {
            "gpio" => GpioAccessSignals.Open(options, time),
            "simulated" => new SimulatedAccessSignals(options, time),
            "none" => DisabledAccessSignals.None,
            _ => throw new ArgumentException($"Signals:Driver '{options.Driver}' is not gpio, simulated or none", nameof(options)),
        };
    }
}
