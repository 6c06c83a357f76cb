using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;

namespace ScanPoint.LoadSim;

/// <summary>One target under the load: connect everyone, idle, heartbeat for the duration, kill -9 and restart, reconnect.</summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(BrokerTarget target, IReadOnlyList<(string Id, string Province, X509Certificate2 Certificate)> devices, X509Certificate2 ca, LoadSimOptions options)
    {
        await target.StartAsync();
        var external = target as ExternalModeTarget;
        if (external is not null)
        {
            await external.StartFleetAsync(options.DatabasePath, options.CaDir);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        var baseline = ProcessStats.RssBytes(target.Pid);
        var consumer = external is null ? null : new ConsumerProbe(external);
        var kiosks = devices.Select(d => new SimulatedKiosk(d.Id, d.Province, d.Certificate, ca)).ToList();
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var running = kiosks.Select(k => Task.Run(() => k.RunAsync(target.Port, options.Heartbeat, stop.Token))).ToList();
        var connectAll = await WaitAllConnectedAsync(kiosks, TimeSpan.FromMinutes(5));
        Console.WriteLine($"  {target.Name}: {kiosks.Count(k => k.IsConnected)}/{kiosks.Count} connected after {clock.Elapsed.TotalSeconds:0.0} s");

        await Task.Delay(TimeSpan.FromSeconds(5));
        var connected = ProcessStats.RssBytes(target.Pid);
        var cpuStart = ProcessStats.CpuSeconds(target.Pid);
        consumer?.StartSteady();
        var steady = Stopwatch.StartNew();
        var peak = connected;
        while (steady.Elapsed < options.Duration)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            peak = Math.Max(peak, ProcessStats.RssBytes(target.Pid));
            consumer?.Sample();
        }

        var cpu = (ProcessStats.CpuSeconds(target.Pid) - cpuStart) / steady.Elapsed.TotalSeconds;
        var beats = kiosks.Sum(k => k.Heartbeats);
        if (consumer is not null)
        {
            await consumer.EndSteadyAsync(steady.Elapsed, published: beats + kiosks.Count); // every heartbeat and one birth each
        }

        if (consumer is not null)
        {
            await consumer.BeforeKillAsync();
        }

        await target.KillAsync();
        var restart = Stopwatch.StartNew();
        await target.StartAsync();
        var fleetBack = consumer?.WaitReconnectedAsync(restart) ?? Task.CompletedTask; // measured alongside the kiosks
        var reconnectAll = await WaitAllConnectedAsync(kiosks, TimeSpan.FromMinutes(5));
        var reconnect = restart.Elapsed;
        await fleetBack;

        Console.WriteLine($"  {target.Name}: {kiosks.Count(k => k.IsConnected)}/{kiosks.Count} back {reconnect.TotalSeconds:0.0} s after kill -9 + restart");

        await stop.CancelAsync();
        await Task.WhenAll(running);
        kiosks.ForEach(k => k.Dispose());
        await target.KillAsync();
        var result = new LoadResult(target.Name, kiosks.Count, connectAll, baseline, connected, peak, cpu, beats, reconnectAll ? reconnect : null) { Consumer = consumer?.Result };
        Console.WriteLine($"  {result.Row()}"); // as soon as a target is done, in case a later one fails
        return result;
    }

    private static async Task<bool> WaitAllConnectedAsync(List<SimulatedKiosk> kiosks, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (kiosks.All(k => k.IsConnected))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        return false;
    }
}
