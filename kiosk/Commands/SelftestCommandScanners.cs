using ScanPoint.Hardware.Camera;
using ScanPoint.Hardware.Decoding;
using ScanPoint.Hardware.Hid;
using ScanPoint.Hardware.Serial;
using ScanPoint.Kiosk.Status;

namespace ScanPoint.Kiosk.Commands;

/// <summary>
/// <c>kiosk selftest</c>'s scanner check: every configured scan source's device is present, and a camera reads the
/// test card (a QR holding the expected text) within the timeout. Other codes seen are counted, never printed.
/// </summary>
internal static class SelftestCommandScanners
{
    public static async Task<SelftestCheck> CheckAsync(IReadOnlyList<string> specs, string testCard, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (specs.Count == 0)
        {
            return SelftestCheck.Fail("scanners", "no scan source configured (Kiosk:ScanSources, --scan-source)");
        }

        var results = new List<(bool Passed, string Detail)>();
        foreach (var spec in specs)
        {
            results.Add(spec.StartsWith(CameraScanOptions.Prefix, StringComparison.Ordinal)
                ? await Task.Run(() => Camera(spec, testCard, timeout, time, cancellationToken), cancellationToken).ConfigureAwait(false)
                : Device(spec));
        }

        var detail = string.Join("; ", results.Select(r => r.Detail));
        return results.All(r => r.Passed) ? SelftestCheck.Pass("scanners", detail) : SelftestCheck.Fail("scanners", detail);
    }

    /// <summary>While the kiosk runs it holds the devices: its own view of each source.</summary>
    public static SelftestCheck FromRunningKiosk(KioskStatus status)
    {
        if (status.Sources.Count == 0)
        {
            return SelftestCheck.Fail("scanners", "the running kiosk has no scan source");
        }

        var detail = "the running kiosk's " + string.Join("; ", status.Sources.Select(s => $"{s.Name}: {s.State}, {s.Scans} scans, {s.Failures} failures"));
        return status.Sources.All(s => s.State == "running") ? SelftestCheck.Pass("scanners", detail) : SelftestCheck.Fail("scanners", detail);
    }

    private static (bool, string) Device(string spec)
    {
        try
        {
            if (spec == "stdin")
            {
                return (true, "stdin");
            }

            if (spec.StartsWith("lines:", StringComparison.Ordinal))
            {
                return Present(spec, spec["lines:".Length..]);
            }

            if (spec.StartsWith("hid:", StringComparison.Ordinal))
            {
                var hid = HidScanOptions.Parse(spec);
                if (hid.DevicePath is { } path)
                {
                    return Present(hid.Name, path);
                }

                var found = new UsbEventDeviceLocator().Find(hid.UsbVendorId!.Value, hid.UsbProductId!.Value);
                return found is null ? (false, $"{hid.Name}: not plugged in") : (true, $"{hid.Name}: {found}");
            }

            if (spec.StartsWith("serial:", StringComparison.Ordinal))
            {
                var serial = SerialScanOptions.Parse(spec);
                return Present(serial.Name, serial.PortName);
            }

            return (false, $"{spec}: unknown scan source");
        }
        catch (ArgumentException ex)
        {
            return (false, ex.Message);
        }
    }

    private static (bool, string) Present(string name, string path) =>
        File.Exists(path) ? (true, $"{name}: present") : (false, $"{name}: {path} is missing");

    private static (bool, string) Camera(string spec, string testCard, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        CameraScanOptions options;
        try
        {
            options = CameraScanOptions.Parse(spec);
        }
        catch (ArgumentException ex)
        {
            return (false, ex.Message);
        }

        if (!ZxingQrDecoder.IsAvailable())
        {
            return (false, $"{options.Name}: libscanpoint_native.so is missing (build the project, or native/build-native.sh on a Pi)");
        }

        var frames = 0;
        var others = 0;
        try
        {
            using var source = FrameSources.Open(options);
            var frame = new GreyImage(source.Width, source.Height);
            var decoder = new ZxingQrDecoder(ZxingOptions.Frames);
            var started = time.GetTimestamp();
            while (time.GetElapsedTime(started) < timeout && !cancellationToken.IsCancellationRequested && source.ReadInto(frame))
            {
                frames++;
                foreach (var code in decoder.Decode(frame))
                {
                    if (code.Text == testCard)
                    {
                        return (true, $"{options.Name}: read the test card in frame {frames}");
                    }

                    others++;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or PlatformNotSupportedException or UnauthorizedAccessException or ArgumentException)
        {
            return (false, $"{options.Name}: {ex.Message}");
        }

        return (false, $"{options.Name}: no test card ('{testCard}') in {frames} frames ({others} other codes); hold the card in front of the camera");
    }
}
