namespace ScanPoint.Kiosk.Tests.Outbox;

/// <summary>One file of a <see cref="CrashingDisk"/>: what the process sees, what is durable, and the writes in between.</summary>
internal sealed class CrashingFile
{
    private const int Sector = 512;
    private readonly List<(long Position, byte[]? Data, long Length)> _unflushed = [];
    private byte[] _durable = [];

    public Lock Sync { get; } = new();

    /// <summary>The content the running process sees.</summary>
    public MemoryStream Volatile { get; private set; } = new();

    public void Write(long position, ReadOnlySpan<byte> data)
    {
        Volatile.Position = position;
        Volatile.Write(data);
        _unflushed.Add((position, data.ToArray(), 0));
    }

    public void SetLength(long length)
    {
        Volatile.SetLength(length);
        _unflushed.Add((0, null, length));
    }

    public void Flush()
    {
        _durable = Volatile.ToArray();
        _unflushed.Clear();
    }

    /// <summary>Back to the durable image; with <paramref name="tear"/>, a random sector prefix of the last write survives.</summary>
    public void Recover(Random? tear)
    {
        var image = new MemoryStream();
        image.Write(_durable);
        var last = _unflushed.LastOrDefault(w => w.Data is not null);
        if (tear is not null && last.Data is not null && tear.Next(2) == 0)
        {
            var sectors = tear.Next(0, (last.Data.Length + Sector - 1) / Sector);
            var length = Math.Min(last.Data.Length, sectors * Sector);
            image.Position = last.Position;
            image.Write(last.Data, 0, length);
        }

        _unflushed.Clear();
        _durable = image.ToArray();
        Volatile = new MemoryStream();
        Volatile.Write(_durable);
    }
}
