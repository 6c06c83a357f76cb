using System.Runtime.InteropServices;

namespace ScanPoint.Hardware.Tests.Hid;

/// <summary>A named pipe standing in for a device node: what is written to it is read by the source.</summary>
internal static partial class Fifo
{
    /// <summary>Makes a FIFO and opens it read-write (so it has a writer until disposed, and the open does not block).</summary>
    public static FileStream Create(string path)
    {
        if (MkFifo(path, 0x180) != 0)
        {
            throw new IOException($"mkfifo {path}: errno {Marshal.GetLastPInvokeError()}");
        }

        return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, FileOptions.None);
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkFifo(string path, uint mode);
}
