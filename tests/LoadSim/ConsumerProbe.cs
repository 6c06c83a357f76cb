using System.Diagnostics;

namespace ScanPoint.LoadSim;

/// <summary>The consuming fleet server of the external-broker mode, measured next to the broker: RSS, CPU, ingest, reconnect.</summary>
internal sealed class ConsumerProbe(ExternalModeTarget target)
{
    private long _connectedRss;
    private long _peakRss;
    private double _cpuStart;
    private long _receivedAtStart;
    private long _connectsBeforeKill;

    public ConsumerResult? Result { get; private set; }

    public void StartSteady()
    {
        _connectedRss = _peakRss = ProcessStats.RssBytes(target.FleetPid);
        _cpuStart = ProcessStats.CpuSeconds(target.FleetPid);
    }

    public void Sample() => _peakRss = Math.Max(_peakRss, ProcessStats.RssBytes(target.FleetPid));

    /// <summary>Waits (≤ 30 s) for the fleet to receive everything the kiosks published, then records what it had.</summary>
    public async Task EndSteadyAsync(TimeSpan steady, long published)
    {
        var cpu = (ProcessStats.CpuSeconds(target.FleetPid) - _cpuStart) / steady.TotalSeconds;
        var clock = Stopwatch.StartNew();
        long received;
        while ((received = await target.FleetReceivedAsync()) < published && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }

        _receivedAtStart = received;
        Result = new ConsumerResult(_connectedRss, _peakRss, cpu, published, received, null);
        Console.WriteLine($"  fleet (consumer): received {received} of {published} births + heartbeats published, {clock.Elapsed.TotalSeconds:0.0} s after the steady window");
    }

    public async Task BeforeKillAsync() => _connectsBeforeKill = await target.FleetConnectsAsync();

    /// <summary>After the broker's kill -9 and restart: the time until the fleet is connected and subscribed again.</summary>
    public async Task WaitReconnectedAsync(Stopwatch sinceRestart)
    {
        while (await target.FleetConnectsAsync() <= _connectsBeforeKill && sinceRestart.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(100);
        }

        Result = Result! with { Reconnect = sinceRestart.Elapsed };
        Console.WriteLine($"  fleet (consumer): subscribed again {sinceRestart.Elapsed.TotalSeconds:0.0} s after the broker's kill -9 + restart; received {_receivedAtStart} before");
    }
}
