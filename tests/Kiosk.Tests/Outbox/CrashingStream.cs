using ScanPoint.Kiosk.Outbox;

namespace ScanPoint.Kiosk.Tests.Outbox;

/// <summary>
/// A stream over a <see cref="CrashingFile"/>; <see cref="Sync"/> makes its writes durable, like fsync, and so does
/// <see cref="Flush"/> when <paramref name="syncOnFlush"/> is set — as the outbox's real files behave.
/// </summary>
internal sealed class CrashingStream(CrashingDisk disk, CrashingFile file, bool syncOnFlush) : Stream, ISyncableStream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length
    {
        get
        {
            lock (file.Sync)
            {
                return file.Volatile.Length;
            }
        }
    }

    public override long Position
    {
        get => _position;
        set => _position = value;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        disk.ThrowIfCrashed();
        lock (file.Sync)
        {
            file.Volatile.Position = _position;
            var read = file.Volatile.Read(buffer, offset, count);
            _position += read;
            return read;
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        disk.BeforeMutation();
        lock (file.Sync)
        {
            file.Write(_position, buffer.AsSpan(offset, count));
            _position += count;
        }
    }

    public override void SetLength(long value)
    {
        disk.BeforeMutation();
        lock (file.Sync)
        {
            file.SetLength(value);
        }
    }

    public override void Flush()
    {
        if (syncOnFlush)
        {
            Sync();
        }
    }

    public void Sync()
    {
        disk.BeforeMutation();
        lock (file.Sync)
        {
            file.Flush();
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => Length + offset,
    };
}
