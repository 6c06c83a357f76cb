namespace ScanPoint.Benchmarks.Measuring;

/// <summary>How busy the machine is before a benchmark starts: other work on a 2-core machine skews every figure.</summary>
internal static class MachineLoad
{
    /// <summary>Share of all cores busy over one second, and the load averages.</summary>
    public static async Task<(double Busy, string Description)> SampleAsync(CancellationToken cancellationToken)
    {
        var before = CpuUsage.Read();
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var busy = CpuUsage.Read().MachineBusySince(before);
        var load = string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        return (busy, $"machine before start: {busy:P0} CPU busy over 1 s, load average {load}");
    }
}
