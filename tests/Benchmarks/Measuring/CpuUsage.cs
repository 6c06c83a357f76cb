using System.Diagnostics;
using System.Globalization;

namespace ScanPoint.Benchmarks.Measuring;

/// <summary>
/// CPU time of the whole machine (<c>/proc/stat</c>, all processes: PostgreSQL and the kiosk process included) and of
/// this process, to tell a CPU-bound run from one that waits on the disk or the network.
/// </summary>
internal readonly record struct CpuUsage(long MachineBusyTicks, long MachineTotalTicks, TimeSpan ProcessTime, long Timestamp)
{
    public static CpuUsage Read()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4]; // idle + iowait
        var total = fields.Take(8).Sum(); // user nice system idle iowait irq softirq steal
        using var self = Process.GetCurrentProcess();
        return new CpuUsage(total - idle, total, self.TotalProcessorTime, Stopwatch.GetTimestamp());
    }

    /// <summary>Share of all cores busy since <paramref name="before"/>, 0..1.</summary>
    public double MachineBusySince(CpuUsage before) =>
        (MachineBusyTicks - before.MachineBusyTicks) / (double)Math.Max(1, MachineTotalTicks - before.MachineTotalTicks);

    /// <summary>Cores this process kept busy on average since <paramref name="before"/>.</summary>
    public double ProcessCoresSince(CpuUsage before) =>
        (ProcessTime - before.ProcessTime) / Stopwatch.GetElapsedTime(before.Timestamp, Timestamp);
}
