namespace ScanPoint.Kiosk.Outbox;

/// <summary>
/// Where the outbox's two LiteDB files live. The data stream's <see cref="Stream.Flush()"/> must force what was
/// written to stable storage; the log stream must be an <see cref="ISyncableStream"/> (its Flush may be lazy).
/// Both must be safe to sync while another thread writes.
/// </summary>
public interface IOutboxStorage
{
    /// <summary>The LiteDB data file.</summary>
    Stream OpenData();

    /// <summary>The LiteDB write-ahead log file.</summary>
    Stream OpenLog();
}
