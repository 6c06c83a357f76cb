using System.Runtime.InteropServices;

namespace ScanPoint.Hardware.Hid;

/// <summary>The few libc calls evdev needs that .NET does not wrap (64-bit Linux: x86-64 and arm64 share these values).</summary>
internal static unsafe partial class Libc
{
    public const int ORdOnly = 0;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;
    public const short PollIn = 0x001;

    public const int ENoEnt = 2;
    public const int EIntr = 4;
    public const int EAccess = 13;
    public const int EAgain = 11;
    public const int ENoTty = 25;
    public const int EInval = 22;

    /// <summary><c>_IOW('E', 0x90, int)</c>: grab (1) or release (0) the device for this file only.</summary>
    public const nuint EviocGrab = 0x40044590;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, nint argument);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initial, int flags);

    /// <summary>An errno as the message <c>strerror</c> gives, with its number.</summary>
    public static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
