namespace ScanPoint.Kiosk.Outbox;

/// <summary>Bytes written and syncs forced by the outbox's files, for wear measurements.</summary>
public sealed class WriteStats
{
    private long _bytes;
    private long _writes;
    private long _syncs;

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Writes => Interlocked.Read(ref _writes);

    public long Syncs => Interlocked.Read(ref _syncs);

    public void AddWrite(int bytes)
    {
        Interlocked.Add(ref _bytes, bytes);
        Interlocked.Increment(ref _writes);
    }

    public void AddSync() => Interlocked.Increment(ref _syncs);
}
