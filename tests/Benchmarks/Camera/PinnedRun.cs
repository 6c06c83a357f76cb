using System.Diagnostics;
using System.Reflection;

namespace ScanPoint.Benchmarks.Camera;

/// <summary>
/// Runs <c>camera --one-core</c> again in a child process under <c>taskset -c 0</c>, its output on this console: the
/// nearest this machine gets to a kiosk's one free core. The child sees one processor, so it does not recurse.
/// </summary>
internal static class PinnedRun
{
    public static async Task<bool> CameraOnCpu0Async(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path to run again");
        var start = new ProcessStartInfo("taskset") { ArgumentList = { "-c", "0", self } };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        foreach (var argument in (string[])["camera", "--one-core", "--dir", options.Folder])
        {
            start.ArgumentList.Add(argument);
        }

        Console.WriteLine();
        Console.WriteLine($"again pinned to CPU 0: {start.FileName} {string.Join(' ', start.ArgumentList)}");
        Console.WriteLine();
        using var child = Process.Start(start) ?? throw new InvalidOperationException("taskset did not start");
        await child.WaitForExitAsync(cancellationToken);
        return child.ExitCode == 0;
    }
}
