using System.Runtime.InteropServices;

namespace ScanPoint.Hardware.Hid;

/// <summary>
/// An evdev node opened non-blocking (optionally grabbed with EVIOCGRAB), read by blocking in <c>poll</c> on the
/// node and an eventfd, so <see cref="Interrupt"/> can end a read that waits for a key. Read errors (ENODEV
/// when the device is unplugged, EIO) throw <see cref="IOException"/>.
/// </summary>
internal sealed unsafe class EvdevStream : Stream
{
    private readonly string _path;
    private readonly int _device;
    private readonly int _wake;
    private int _disposed;

    private EvdevStream(string path, int device, int wake)
    {
        _path = path;
        _device = device;
        _wake = wake;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Opens <paramref name="path"/>; a missing node throws <see cref="FileNotFoundException"/>.</summary>
    public static EvdevStream Open(string path, bool grab)
    {
        var device = Libc.Open(path, Libc.ORdOnly | Libc.ONonBlock | Libc.OCloExec);
        if (device < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                Libc.ENoEnt => new FileNotFoundException($"{path} is not there", path),
                Libc.EAccess => new UnauthorizedAccessException($"open {path}: {Libc.Describe(errno)}; is the user in the scanpoint group (see hardware/udev)?"),
                _ => new IOException($"open {path}: {Libc.Describe(errno)}"),
            };
        }

        if (grab && Libc.Ioctl(device, Libc.EviocGrab, 1) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Libc.Close(device);
            throw new IOException(errno is Libc.ENoTty or Libc.EInval
                ? $"{path} is not an evdev device (EVIOCGRAB: {Libc.Describe(errno)}); use grab=false to read a plain file or FIFO"
                : $"grab {path}: {Libc.Describe(errno)}; another process may hold the device");
        }

        var wake = Libc.EventFd(0, Libc.ONonBlock | Libc.OCloExec);
        if (wake < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Libc.Close(device);
            throw new IOException($"eventfd: {Libc.Describe(errno)}");
        }

        return new EvdevStream(path, device, wake);
    }

    /// <summary>Makes a waiting or later <see cref="Read(Span{byte})"/> throw <see cref="OperationCanceledException"/>.</summary>
    public void Interrupt()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            var one = 1UL;
            Libc.Write(_wake, (byte*)&one, sizeof(ulong));
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        while (true)
        {
            nint read;
            fixed (byte* bytes = buffer)
            {
                read = Libc.Read(_device, bytes, buffer.Length);
            }

            if (read >= 0)
            {
                return (int)read;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == Libc.EAgain)
            {
                WaitReadable();
            }
            else if (errno != Libc.EIntr)
            {
                throw new IOException($"read {_path}: {Libc.Describe(errno)}");
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Libc.Close(_device);
            Libc.Close(_wake);
        }

        base.Dispose(disposing);
    }

    private void WaitReadable()
    {
        var fds = stackalloc Libc.PollFd[2];
        fds[0] = new Libc.PollFd { Fd = _device, Events = Libc.PollIn };
        fds[1] = new Libc.PollFd { Fd = _wake, Events = Libc.PollIn };
        if (Libc.Poll(fds, 2, -1) < 0 && Marshal.GetLastPInvokeError() is var errno && errno != Libc.EIntr)
        {
            throw new IOException($"poll {_path}: {Libc.Describe(errno)}");
        }

        if (fds[1].Revents != 0)
        {
            throw new OperationCanceledException($"reading {_path} was interrupted");
        }
    }
}
