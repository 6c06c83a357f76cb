using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ScanPoint.Hardware.Tests.Serial;

/// <summary>
/// A pseudo-terminal pair standing in for a serial imager: the source opens <see cref="SlavePath"/> as its port,
/// the test writes the imager's bytes to <see cref="Master"/>. The pair starts in raw mode (no CR to LF mapping).
/// </summary>
internal sealed partial class PseudoTerminal : IDisposable
{
    private const int ORdWr = 0x2;
    private const int ONoCtty = 0x100;

    private PseudoTerminal(FileStream master, string slavePath)
    {
        Master = master;
        SlavePath = slavePath;
    }

    public FileStream Master { get; }

    public string SlavePath { get; }

    public static unsafe PseudoTerminal Open()
    {
        var fd = PosixOpenPt(ORdWr | ONoCtty);
        if (fd < 0 || GrantPt(fd) != 0 || UnlockPt(fd) != 0)
        {
            throw new IOException($"posix_openpt/grantpt/unlockpt: errno {Marshal.GetLastPInvokeError()}");
        }

        var name = new byte[256];
        fixed (byte* buffer = name)
        {
            if (PtsNameR(fd, buffer, name.Length) != 0)
            {
                throw new IOException("ptsname_r failed");
            }
        }

        var termios = stackalloc byte[256];
        if (TcGetAttr(fd, termios) == 0)
        {
            CfMakeRaw(termios);
            TcSetAttr(fd, 0, termios);
        }

        var master = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.ReadWrite, 1);
        return new PseudoTerminal(master, System.Text.Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0)));
    }

    /// <summary>Writes bytes as the imager would, at once.</summary>
    public async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await Master.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);
        await Master.FlushAsync(cancellationToken);
    }

    public void Dispose() => Master.Dispose();

    [LibraryImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    private static partial int PosixOpenPt(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    private static partial int GrantPt(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    private static partial int UnlockPt(int fd);

    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    private static unsafe partial int PtsNameR(int fd, byte* buffer, nint length);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    private static unsafe partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    private static unsafe partial int TcSetAttr(int fd, int when, byte* termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    private static unsafe partial void CfMakeRaw(byte* termios);
}
