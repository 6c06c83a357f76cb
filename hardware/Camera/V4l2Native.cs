using System.Runtime.InteropServices;

namespace ScanPoint.Hardware.Camera;

/// <summary>
/// The libc calls and the slice of <c>linux/videodev2.h</c> the managed V4L2 capture uses, for 64-bit Linux
/// (x86-64 and arm64 share these layouts and ioctl encodings). <c>V4l2AbiTests</c> checks every number here against
/// the kernel headers with gcc.
/// </summary>
internal static unsafe partial class V4l2Native
{
    internal const int ORdWr = 2;
    internal const int ONonBlock = 0x800;
    internal const int OCloExec = 0x80000;
    internal const int ProtRead = 1;
    internal const int ProtWrite = 2;
    internal const int MapShared = 1;
    internal const short PollIn = 1;
    internal const int EIntr = 4;
    internal const int EAgain = 11;
    internal const int ENoEnt = 2;
    internal const int EAcces = 13;
    internal const int EInval = 22;

    internal const uint BufTypeVideoCapture = 1;
    internal const uint MemoryMmap = 1;
    internal const uint FieldNone = 1;
    internal const uint CapVideoCapture = 0x00000001;
    internal const uint CapStreaming = 0x04000000;
    internal const uint CapDeviceCaps = 0x80000000;
    internal const uint BufFlagError = 0x00000040;
    internal const uint PixFmtYuyv = 'Y' | ('U' << 8) | ('Y' << 16) | ('V' << 24);
    internal const uint PixFmtGrey = 'G' | ('R' << 8) | ('E' << 16) | ('Y' << 24);

    internal static readonly nuint VidiocQuerycap = Ior(0, sizeof(Capability));
    internal static readonly nuint VidiocSFmt = Iowr(5, sizeof(Format));
    internal static readonly nuint VidiocReqbufs = Iowr(8, sizeof(RequestBuffers));
    internal static readonly nuint VidiocQuerybuf = Iowr(9, sizeof(BufferDescriptor));
    internal static readonly nuint VidiocQbuf = Iowr(15, sizeof(BufferDescriptor));
    internal static readonly nuint VidiocDqbuf = Iowr(17, sizeof(BufferDescriptor));
    internal static readonly nuint VidiocStreamon = Iow(18, sizeof(int));
    internal static readonly nuint VidiocStreamoff = Iow(19, sizeof(int));

    private const string Libc = "libc";

    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport(Libc, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(int fd, nuint request, void* argument);

    [LibraryImport(Libc, EntryPoint = "mmap", SetLastError = true)]
    internal static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport(Libc, EntryPoint = "munmap", SetLastError = true)]
    internal static partial int Munmap(nint address, nuint length);

    [LibraryImport(Libc, EntryPoint = "poll", SetLastError = true)]
    internal static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    /// <summary>Opens a device node read-write and non-blocking; throws an exception that says why it failed.</summary>
    internal static int OpenDevice(string device)
    {
        var fd = Open(device, ORdWr | ONonBlock | OCloExec);
        if (fd >= 0)
        {
            return fd;
        }

        var errno = Marshal.GetLastPInvokeError();
        throw errno switch
        {
            ENoEnt => new FileNotFoundException($"camera device {device} does not exist", device),
            EAcces => new UnauthorizedAccessException($"camera device {device}: permission denied (is the user in the video group?)"),
            _ => new IOException($"camera device {device} could not be opened: {Marshal.GetPInvokeErrorMessage(errno)}"),
        };
    }

    // asm-generic/ioctl.h: nr in bits 0-7, type in 8-15, size in 16-29, direction (1 write, 2 read) in 30-31.
    private static nuint Ioc(uint direction, uint nr, int size) => (direction << 30) | ((uint)size << 16) | ((uint)'V' << 8) | nr;

    private static nuint Ior(uint nr, int size) => Ioc(2, nr, size);

    private static nuint Iow(uint nr, int size) => Ioc(1, nr, size);

    private static nuint Iowr(uint nr, int size) => Ioc(3, nr, size);

    /// <summary><c>struct v4l2_capability</c>.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 104)]
    internal struct Capability
    {
        [FieldOffset(0)] public fixed byte Driver[16];
        [FieldOffset(16)] public fixed byte Card[32];
        [FieldOffset(80)] public uint Version;
        [FieldOffset(84)] public uint Capabilities;
        [FieldOffset(88)] public uint DeviceCaps;
    }

    /// <summary><c>struct v4l2_format</c> with its <c>fmt.pix</c> (<c>struct v4l2_pix_format</c>) member.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 208)]
    internal struct Format
    {
        [FieldOffset(0)] public uint Type;
        [FieldOffset(8)] public uint Width;
        [FieldOffset(12)] public uint Height;
        [FieldOffset(16)] public uint PixelFormat;
        [FieldOffset(20)] public uint Field;
        [FieldOffset(24)] public uint BytesPerLine;
        [FieldOffset(28)] public uint SizeImage;
    }

    /// <summary><c>struct v4l2_requestbuffers</c>.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 20)]
    internal struct RequestBuffers
    {
        [FieldOffset(0)] public uint Count;
        [FieldOffset(4)] public uint Type;
        [FieldOffset(8)] public uint Memory;
    }

    /// <summary><c>struct v4l2_buffer</c> (single-planar; <c>m.offset</c> for mmap).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 88)]
    internal struct BufferDescriptor
    {
        [FieldOffset(0)] public uint Index;
        [FieldOffset(4)] public uint Type;
        [FieldOffset(8)] public uint BytesUsed;
        [FieldOffset(12)] public uint Flags;
        [FieldOffset(16)] public uint Field;
        [FieldOffset(56)] public uint Sequence;
        [FieldOffset(60)] public uint Memory;
        [FieldOffset(64)] public uint Offset;
        [FieldOffset(72)] public uint Length;
    }

    /// <summary><c>struct pollfd</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
