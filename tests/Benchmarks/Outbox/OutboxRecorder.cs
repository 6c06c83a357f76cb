using Microsoft.Extensions.Logging.Abstractions;
using ScanPoint.Kiosk.Outbox;

namespace ScanPoint.Benchmarks.Outbox;

/// <summary>The product: <see cref="LiteDbCheckInOutbox"/> over <see cref="FileOutboxStorage"/>, group-committing concurrent callers.</summary>
internal sealed class OutboxRecorder : ICheckInRecorder
{
    private readonly FileOutboxStorage _storage;
    private readonly LiteDbCheckInOutbox _outbox;

    public OutboxRecorder(string folder)
    {
        _storage = new FileOutboxStorage(folder);
        _outbox = new LiteDbCheckInOutbox(_storage, "bench-kiosk", "bench-site", TimeProvider.System, NullLogger<LiteDbCheckInOutbox>.Instance);
    }

    public WriteStats? Stats => _storage.Stats;

    public Task RecordAsync(ScannedCode scan, CancellationToken cancellationToken) => _outbox.RecordAsync(scan, cancellationToken);

    public void Dispose() => _outbox.Dispose();
}
