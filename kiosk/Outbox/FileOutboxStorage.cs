namespace ScanPoint.Kiosk.Outbox;

/// <summary>The outbox's files in the kiosk's data directory, each opened as a <see cref="DurableFileStream"/>.</summary>
public sealed class FileOutboxStorage(string directory) : IOutboxStorage
{
    public const string DataFileName = "outbox.db";
    public const string LogFileName = "outbox-log.db";

    public WriteStats Stats { get; } = new();

    public Stream OpenData() => Open(DataFileName, syncOnFlush: true);

    /// <summary>The log syncs only when the commit barrier asks (<see cref="ISyncableStream.Sync"/>): one fsync per commit.</summary>
    public Stream OpenLog() => Open(LogFileName, syncOnFlush: false);

    private DurableFileStream Open(string name, bool syncOnFlush)
    {
        Directory.CreateDirectory(directory);
        return new DurableFileStream(Path.Combine(directory, name), Stats, syncOnFlush);
    }
}
