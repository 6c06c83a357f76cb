using ScanPoint.Kiosk.Outbox;

namespace ScanPoint.Benchmarks.Outbox;

/// <summary>One way of making a check-in durable; <see cref="RecordAsync"/> returns once it would survive a power cut.</summary>
internal interface ICheckInRecorder : IDisposable
{
    /// <summary>Bytes the recorder handed to its files and the fsyncs it forced, or null when it cannot count them.</summary>
    WriteStats? Stats { get; }

    Task RecordAsync(ScannedCode scan, CancellationToken cancellationToken);
}
