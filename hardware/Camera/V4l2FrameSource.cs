using System.Runtime.InteropServices;
using ScanPoint.Hardware.Decoding;
using static ScanPoint.Hardware.Camera.V4l2Native;

namespace ScanPoint.Hardware.Camera;

/// <summary>
/// A managed V4L2 capture (libc open/ioctl/mmap/poll, no native library of ours): asks the driver for GREY, else
/// YUYV, at the requested size, streams through mmap buffers and copies the Y plane of each frame. This is the
/// Raspberry Pi path, where OpenCvSharp has no runtime. 64-bit Linux only.
/// </summary>
public sealed unsafe class V4l2FrameSource : IFrameSource
{
    /// <summary>A device that delivers no frame for this long counts as stopped.</summary>
    public static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(2);

    private const int BufferCount = 4;
    private readonly int _fd;
    private readonly List<(nint Address, nuint Length)> _mappings = [];
    private uint _pixelFormat;
    private int _bytesPerLine;
    private bool _streaming;
    private bool _closed;

    private V4l2FrameSource(string device, int fd)
    {
        (Name, _fd) = ("v4l2:" + device, fd);
    }

    public string Name { get; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>The pixel format the driver agreed to: <c>GREY</c> or <c>YUYV</c>.</summary>
    public string PixelFormat => V4l2Pixels.FourCcText(_pixelFormat);

    /// <summary>Opens <paramref name="device"/>, negotiates the format and starts streaming.</summary>
    public static V4l2FrameSource Open(string device, int width, int height)
    {
        ArgumentException.ThrowIfNullOrEmpty(device);
        if (!Environment.Is64BitProcess)
        {
            throw new PlatformNotSupportedException("the managed V4L2 capture supports 64-bit Linux only");
        }

        var source = new V4l2FrameSource(device, OpenDevice(device));
        try
        {
            source.Start(width, height);
            return source;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public bool ReadInto(GreyImage target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Width != Width || target.Height != Height)
        {
            throw new ArgumentException($"frame is {Width}x{Height}, buffer {target.Width}x{target.Height}", nameof(target));
        }

        while (true)
        {
            WaitReadable();
            var buffer = new BufferDescriptor { Type = BufTypeVideoCapture, Memory = MemoryMmap };
            if (Ioctl(_fd, VidiocDqbuf, &buffer) < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno is EAgain or EIntr)
                {
                    continue;
                }

                throw Failure("VIDIOC_DQBUF", errno);
            }

            try
            {
                if ((buffer.Flags & BufFlagError) == 0)
                {
                    var data = new ReadOnlySpan<byte>((void*)_mappings[(int)buffer.Index].Address, (int)buffer.BytesUsed);
                    V4l2Pixels.ToGrey(_pixelFormat, data, _bytesPerLine, target);
                    return true;
                }
            }
            finally
            {
                Check(Ioctl(_fd, VidiocQbuf, &buffer), "VIDIOC_QBUF");
            }
        }
    }

    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        if (_streaming)
        {
            var type = (int)BufTypeVideoCapture;
            _ = Ioctl(_fd, VidiocStreamoff, &type);
            _streaming = false;
        }

        foreach (var (address, length) in _mappings)
        {
            _ = Munmap(address, length);
        }

        _mappings.Clear();
        _ = Close(_fd);
        _closed = true;
    }

    private void Start(int width, int height)
    {
        var capability = default(Capability);
        Check(Ioctl(_fd, VidiocQuerycap, &capability), "VIDIOC_QUERYCAP", $"{Name} is not a V4L2 device");
        var caps = (capability.Capabilities & CapDeviceCaps) != 0 ? capability.DeviceCaps : capability.Capabilities;
        if ((caps & CapVideoCapture) == 0 || (caps & CapStreaming) == 0)
        {
            throw new IOException($"{Name} is a V4L2 device without video capture by streaming (caps 0x{caps:x8})");
        }

        var format = Negotiate(width, height, PixFmtGrey) ?? Negotiate(width, height, PixFmtYuyv)
            ?? throw new IOException($"{Name} offers neither GREY nor YUYV frames");
        (_pixelFormat, Width, Height) = (format.PixelFormat, (int)format.Width, (int)format.Height);
        _bytesPerLine = format.BytesPerLine > 0 ? (int)format.BytesPerLine : Width * (_pixelFormat == PixFmtGrey ? 1 : 2);

        var request = new RequestBuffers { Count = BufferCount, Type = BufTypeVideoCapture, Memory = MemoryMmap };
        Check(Ioctl(_fd, VidiocReqbufs, &request), "VIDIOC_REQBUFS");
        if (request.Count < 2)
        {
            throw new IOException($"{Name} granted {request.Count} capture buffers; at least 2 are needed");
        }

        for (uint i = 0; i < request.Count; i++)
        {
            var buffer = new BufferDescriptor { Index = i, Type = BufTypeVideoCapture, Memory = MemoryMmap };
            Check(Ioctl(_fd, VidiocQuerybuf, &buffer), "VIDIOC_QUERYBUF");
            var address = Mmap(0, buffer.Length, ProtRead | ProtWrite, MapShared, _fd, buffer.Offset);
            if (address == -1)
            {
                throw Failure("mmap", Marshal.GetLastPInvokeError());
            }

            _mappings.Add((address, buffer.Length));
            Check(Ioctl(_fd, VidiocQbuf, &buffer), "VIDIOC_QBUF");
        }

        var type = (int)BufTypeVideoCapture;
        Check(Ioctl(_fd, VidiocStreamon, &type), "VIDIOC_STREAMON");
        _streaming = true;
    }

    private Format? Negotiate(int width, int height, uint pixelFormat)
    {
        var format = new Format { Type = BufTypeVideoCapture, Width = (uint)width, Height = (uint)height, PixelFormat = pixelFormat, Field = FieldNone };
        if (Ioctl(_fd, VidiocSFmt, &format) < 0)
        {
            // most drivers substitute a format they have; some refuse one they lack with EINVAL
            var errno = Marshal.GetLastPInvokeError();
            return errno == EInval ? null : throw Failure("VIDIOC_S_FMT", errno);
        }

        return format.PixelFormat == pixelFormat && format.Width > 0 && format.Height > 0 ? format : null;
    }

    private void WaitReadable()
    {
        var poll = new PollFd { Fd = _fd, Events = PollIn };
        int ready;
        do
        {
            ready = Poll(&poll, 1, (int)FrameTimeout.TotalMilliseconds);
        }
        while (ready < 0 && Marshal.GetLastPInvokeError() == EIntr);

        if (ready == 0)
        {
            throw new TimeoutException($"{Name} delivered no frame within {FrameTimeout.TotalSeconds:0.#} s");
        }

        if (ready < 0)
        {
            throw Failure("poll", Marshal.GetLastPInvokeError());
        }
    }

    private void Check(int result, string call, string? meaning = null)
    {
        if (result < 0)
        {
            throw Failure(call, Marshal.GetLastPInvokeError(), meaning);
        }
    }

    private IOException Failure(string call, int errno, string? meaning = null) =>
        new($"{meaning ?? Name}: {call} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
}
