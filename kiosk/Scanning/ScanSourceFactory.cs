using ScanPoint.Hardware.Camera;
using ScanPoint.Hardware.Decoding;
using ScanPoint.Hardware.Hid;
using ScanPoint.Hardware.Scanning;
using ScanPoint.Hardware.Serial;
using ScanPoint.Kiosk.Outbox;

namespace ScanPoint.Kiosk.Scanning;

/// <summary>
/// Builds scan sources from their configured specs: <c>lines:PATH</c>, <c>stdin</c>, <c>hid:…</c> (USB HID imager),
/// <c>serial:…</c> (serial / CDC-ACM imager), <c>camera:…</c> (V4L2 camera or recorded video); the hardware specs
/// are documented in hardware/README.md.
/// </summary>
public static class ScanSourceFactory
{
    public static IScanSource Create(string spec, ICheckInOutbox outbox, TimeProvider time, int maxScanLength) =>
        Create(spec, outbox.ReadCursor, time, maxScanLength);

    /// <param name="committedPosition">Where a replayable source resumes (the outbox's cursor; 0 before provisioning).</param>
    public static IScanSource Create(string spec, Func<string, long> committedPosition, TimeProvider time, int maxScanLength)
    {
        if (spec.StartsWith("lines:", StringComparison.Ordinal) && spec.Length > "lines:".Length)
        {
            return new LinesScanSource(spec["lines:".Length..], committedPosition, time, maxScanLength);
        }

        if (spec == "stdin")
        {
            return new StdinScanSource(Console.In, time);
        }

        try
        {
            if (spec.StartsWith("hid:", StringComparison.Ordinal))
            {
                return new HidScanSource(HidScanOptions.Parse(spec), time);
            }

            if (spec.StartsWith("serial:", StringComparison.Ordinal))
            {
                return new SerialScanSource(SerialScanOptions.Parse(spec), time);
            }

            if (spec.StartsWith("camera:", StringComparison.Ordinal))
            {
                // zxing-cpp at its library defaults on every changed frame; the second opinion never runs here
                return new CameraScanSource(CameraScanOptions.Parse(spec), new ZxingQrDecoder(ZxingOptions.Frames), time);
            }
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"Kiosk:ScanSources: {ex.Message}", nameof(spec), ex);
        }

        throw new ArgumentException($"Kiosk:ScanSources: unknown scan source '{spec}' (expected lines:PATH, stdin, hid:…, serial:… or camera:…)", nameof(spec));
    }
}
