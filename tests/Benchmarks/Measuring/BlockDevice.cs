using System.Globalization;

namespace ScanPoint.Benchmarks.Measuring;

/// <summary>
/// The block device holding a folder, found through <c>/proc/self/mountinfo</c>, and its sectors-written counter from
/// <c>/sys/dev/block/MAJ:MIN/stat</c>. That counter includes the filesystem journal and metadata, and also every other
/// process writing to the same disk, so it is only meaningful on an otherwise quiet machine.
/// </summary>
internal sealed class BlockDevice
{
    private readonly string _statPath;

    private BlockDevice(string source, string fileSystem, string mountPoint, string statPath)
    {
        (Source, FileSystem, MountPoint, _statPath) = (source, fileSystem, mountPoint, statPath);
    }

    public string Source { get; }

    public string FileSystem { get; }

    public string MountPoint { get; }

    public bool IsTmpfs => FileSystem is "tmpfs" or "ramfs";

    public static BlockDevice ForPath(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd('/') + "/";
        var best = File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' '))
            .Select(f => (Id: f[2], MountPoint: f[4], Tail: f[Array.IndexOf(f, "-")..]))
            .Where(m => full.StartsWith(m.MountPoint.TrimEnd('/') + "/", StringComparison.Ordinal))
            .MaxBy(m => m.MountPoint.Length);
        return new BlockDevice(best.Tail[2], best.Tail[1], best.MountPoint, $"/sys/dev/block/{best.Id}/stat");
    }

    /// <summary>Bytes written to the whole device since boot, or null when the kernel shows no counter for it.</summary>
    public long? BytesWritten()
    {
        if (!File.Exists(_statPath))
        {
            return null;
        }

        var fields = File.ReadAllText(_statPath).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(fields[6], CultureInfo.InvariantCulture) * 512;
    }

    public override string ToString() => $"{Source} ({FileSystem}) mounted on {MountPoint}";
}
