namespace ScanPoint.Kiosk.Outbox;

/// <summary>
/// Passes everything through to the outbox's storage stream and remembers the first write, truncation or flush that
/// failed. LiteDB 5.0's writer thread can dead-lock itself while handling such a failure (its close waits on its own
/// task), so the commit barrier must learn of it here rather than from LiteDB.
/// </summary>
internal sealed class FaultTrackingStream(Stream inner) : Stream, ISyncableStream
{
    private volatile Exception? _fault;

    public Exception? Fault => _fault;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Write(byte[] buffer, int offset, int count) => Track(() => inner.Write(buffer, offset, count));

    public override void SetLength(long value) => Track(() => inner.SetLength(value));

    public override void Flush() => Track(inner.Flush);

    /// <summary>The inner stream's sync, or its flush when it has no separate sync.</summary>
    public void Sync() => Track(inner is ISyncableStream syncable ? syncable.Sync : inner.Flush);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Track(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            _fault ??= ex;
            throw;
        }
    }
}
