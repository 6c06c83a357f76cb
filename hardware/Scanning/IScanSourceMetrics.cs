namespace ScanPoint.Hardware.Scanning;

/// <summary>
/// A scan source that counts what it does (frames per second, decode latency, decode failures, dropped input) for the
/// kiosk's health report. Names are short snake_case keys with the unit in the name, e.g. <c>fps</c>, <c>decode_ms_p99</c>.
/// </summary>
public interface IScanSourceMetrics
{
    /// <summary>A consistent snapshot; safe to call from any thread.</summary>
    IReadOnlyDictionary<string, double> ReadMetrics();
}
