namespace ScanPoint.Kiosk.Outbox;

/// <summary>The outbox's files in the kiosk's data directory, each opened as a <see cref="DurableFileStream"/>.</summary>
public sealed class FileOutboxStorage(string directory) : IOutboxStorage
{
    public const string DataFileName = "outbox.db";
    public const string LogFileName = "outbox-log.db";

    public WriteStats Stats { get; } = new();

    public Stream OpenData() => Open(DataFileName);

    public Stream OpenLog() => Open(LogFileName);

    private DurableFileStream Open(string name)
    {
        Directory.CreateDirectory(directory);
        return new DurableFileStream(Path.Combine(directory, name), Stats);
    }
}
