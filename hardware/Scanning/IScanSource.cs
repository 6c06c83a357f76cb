namespace ScanPoint.Hardware.Scanning;

/// <summary>Anything that reads codes: a replay file, stdin, a camera, a USB HID or serial imager.</summary>
public interface IScanSource
{
    /// <summary>A short name for logs and health, e.g. <c>lines:/path</c>.</summary>
    string Name { get; }

    /// <summary>Yields scans until cancelled or the source ends; throws if the device fails (the caller retries).</summary>
    IAsyncEnumerable<ScanEvent> ReadAsync(CancellationToken cancellationToken);
}
