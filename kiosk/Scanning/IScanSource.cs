namespace ScanPoint.Kiosk.Scanning;

/// <summary>Anything that reads codes: a replay file, stdin, later cameras and imagers.</summary>
public interface IScanSource
{
    /// <summary>A short name for logs and health, e.g. <c>lines:/path</c>.</summary>
    string Name { get; }

    /// <summary>Yields scans until cancelled or the source ends; throws if the device fails (the caller retries).</summary>
    IAsyncEnumerable<ScanEvent> ReadAsync(CancellationToken cancellationToken);
}
