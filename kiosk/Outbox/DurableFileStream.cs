using Microsoft.Win32.SafeHandles;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>
/// A file stream whose <see cref="Sync"/> forces written data to the device (fsync), and only when something was
/// written since the last one. <see cref="Flush"/> does the same when <c>syncOnFlush</c> is set (the data file, whose
/// checkpoint writes must be on disk before LiteDB truncates its log); on the log it does nothing, because LiteDB
/// flushes after every page and only the commit barrier's one sync per commit matters. Writes are positional, so a
/// sync from another thread is safe. Counts bytes written and syncs, for the outbox's wear on an SD card.
/// </summary>
public sealed class DurableFileStream : Stream, ISyncableStream
{
    private readonly SafeFileHandle _handle;
    private readonly Lock _flushLock = new();
    private long _position;
    private long _writes;
    private long _flushedWrites;

    private readonly bool _syncOnFlush;

    public DurableFileStream(string path, WriteStats? stats = null, bool syncOnFlush = true)
    {
        _syncOnFlush = syncOnFlush;
        // FileShare.None takes an exclusive lock (flock) on Linux: a second kiosk or tool cannot write the same outbox.
        _handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        Stats = stats ?? new WriteStats();
    }

    public WriteStats Stats { get; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => RandomAccess.GetLength(_handle);

    public override long Position
    {
        get => _position;
        set => _position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = RandomAccess.Read(_handle, buffer, _position);
        _position += read;
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        RandomAccess.Write(_handle, buffer, _position);
        _position += buffer.Length;
        Interlocked.Increment(ref _writes);
        Stats.AddWrite(buffer.Length);
    }

    public override void SetLength(long value)
    {
        RandomAccess.SetLength(_handle, value);
        Interlocked.Increment(ref _writes);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        _position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
        if (_syncOnFlush)
        {
            Sync();
        }
    }

    /// <summary>fsync, unless nothing was written since the last one.</summary>
    public void Sync()
    {
        lock (_flushLock)
        {
            var writes = Interlocked.Read(ref _writes);
            if (writes == _flushedWrites)
            {
                return;
            }

            RandomAccess.FlushToDisk(_handle);
            _flushedWrites = writes;
            Stats.AddSync();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Sync();
            _handle.Dispose();
        }

        base.Dispose(disposing);
    }
}
