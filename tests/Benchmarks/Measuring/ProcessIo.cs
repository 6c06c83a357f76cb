using System.Globalization;

namespace ScanPoint.Benchmarks.Measuring;

/// <summary>
/// This process's write counters from <c>/proc/self/io</c>: <c>wchar</c> (bytes handed to write calls) and
/// <c>write_bytes</c> (bytes of page cache this process dirtied, i.e. caused to be sent to the block device),
/// less <c>cancelled_write_bytes</c> (dirty pages dropped by truncation). Filesystem journal writes are done by the
/// kernel's jbd2 thread and are not in these counters; <see cref="BlockDevice"/> sees them.
/// </summary>
internal readonly record struct ProcessIo(long WriteChars, long WriteBytes)
{
    public static ProcessIo Read()
    {
        var values = File.ReadLines("/proc/self/io")
            .Select(line => line.Split(':', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new ProcessIo(values["wchar"], values["write_bytes"] - values["cancelled_write_bytes"]);
    }

    public ProcessIo Since(ProcessIo before) => new(WriteChars - before.WriteChars, WriteBytes - before.WriteBytes);
}
