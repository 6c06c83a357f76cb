using ScanPoint.Hardware.Scanning;
using ScanPoint.Kiosk.Outbox;

namespace ScanPoint.Kiosk.Scanning;

/// <summary>Builds scan sources from their configured specs: <c>lines:PATH</c> or <c>stdin</c>.</summary>
public static class ScanSourceFactory
{
    public static IScanSource Create(string spec, ICheckInOutbox outbox, TimeProvider time, int maxScanLength)
    {
        if (spec.StartsWith("lines:", StringComparison.Ordinal) && spec.Length > "lines:".Length)
        {
            return new LinesScanSource(spec["lines:".Length..], outbox.ReadCursor, time, maxScanLength);
        }

        if (spec == "stdin")
        {
            return new StdinScanSource(Console.In, time);
        }

        throw new ArgumentException($"Kiosk:ScanSources: unknown scan source '{spec}' (expected lines:PATH or stdin)", nameof(spec));
    }
}
