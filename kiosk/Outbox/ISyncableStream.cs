namespace ScanPoint.Kiosk.Outbox;

/// <summary>
/// A stream that separates LiteDB's own <see cref="Stream.Flush()"/> (on the log: called after every page its writer
/// thread writes) from a forced sync to stable storage, which only the commit barrier asks for.
/// </summary>
public interface ISyncableStream
{
    /// <summary>Forces everything written so far to stable storage (fsync); nothing when nothing was written.</summary>
    void Sync();
}
