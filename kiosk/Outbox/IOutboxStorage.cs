namespace ScanPoint.Kiosk.Outbox;

/// <summary>
/// Where the outbox's two LiteDB files live. Each stream's <see cref="Stream.Flush()"/> must force what was
/// written to stable storage, and be safe to call while another thread writes.
/// </summary>
public interface IOutboxStorage
{
    /// <summary>The LiteDB data file.</summary>
    Stream OpenData();

    /// <summary>The LiteDB write-ahead log file.</summary>
    Stream OpenLog();
}
