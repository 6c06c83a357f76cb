namespace ScanPoint.Hardware.Signals;

/// <summary>
/// Whether the door signals work: the driver in use (<c>gpio</c>, <c>simulated</c>, <c>none</c>) and, once an output
/// failed (a GPIO open or write threw, the chip is missing), the first failure. Scanning goes on either way.
/// </summary>
public sealed record SignalsHealth(string Driver, bool Faulted, string? Reason, DateTimeOffset? FaultedAt)
{
    public static SignalsHealth Working(string driver) => new(driver, false, null, null);
}
