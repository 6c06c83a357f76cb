using System.Text;
using ScanPoint.Contracts;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Tests.Storage;
using ScanPoint.TestKit;
using Xunit.Abstractions;

namespace ScanPoint.FleetServer.Tests.External;

/// <summary>
/// Sustained load through a real Mosquitto: several devices publish tens of thousands of QoS 1 check-in batches while
/// <c>mosquitto_sub</c> (a peer outside .NET) subscribes to the same topics. The fleet's MQTTnet consumer must store
/// exactly what the peer saw — the check for a silent subscriber stall (MQTTnet issues #2234/#1962), with the liveness
/// probe in place to recover from one.
/// </summary>
public sealed class ExternalBrokerLoadTests(ITestOutputHelper output)
{
    private const int Publishers = 6;
    private const int PerPublisher = 5000;
    private const int InFlight = 64;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task SustainedLoad_FromSeveralPublishers_StoresExactlyWhatMosquittoSubSaw()
    {
        await using var fleet = await ExternalFleet.StartAsync();
        await using var peer = new MosquittoSubPeer(fleet.Mosquitto.Port, fleet.BrokerDir, Topics.AllCheckIns);
        var ids = Enumerable.Range(1, Publishers).Select(i => $"load-{i}").ToList();
        var devices = new List<DeviceClient>();
        foreach (var id in ids)
        {
            devices.Add(await fleet.ConnectAsync(id, await fleet.AddDeviceAsync(id, "HN")));
        }

        using (var pinger = await fleet.ConnectAsync("fleet-server", fleet.Issue("fleet-server", "fleet")))
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    await pinger.PublishAsync(MosquittoSubPeer.ReadyTopic, "ready"u8.ToArray());
                    return peer.IsReady;
                },
                TimeSpan.FromSeconds(20),
                $"mosquitto_sub to subscribe ({string.Join(" | ", peer.Errors)})");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(devices.Select((d, i) => PublishAllAsync(d, ids[i])));
        output.WriteLine($"{Publishers * PerPublisher} QoS 1 batches published (PUBACKed) in {clock.Elapsed.TotalSeconds:0.0} s");

        await Eventually.TrueAsync(
            async () => (await Task.WhenAll(ids.Select(fleet.DeviceAsync))).All(d => d == (PerPublisher, PerPublisher)),
            Limit,
            "the fleet to store every check-in");
        await Eventually.TrueAsync(() => peer.Lines.Count(l => !l.StartsWith(MosquittoSubPeer.ReadyTopic, StringComparison.Ordinal)) >= Publishers * PerPublisher, Limit, "mosquitto_sub to see every check-in");
        output.WriteLine($"fleet stored all after {clock.Elapsed.TotalSeconds:0.0} s; external: {await fleet.ExternalAsync()}");

        var published = ids.SelectMany(id => Enumerable.Range(1, PerPublisher).Select(s => (id, (long)s))).ToHashSet();
        var seen = PeerSaw(peer);
        Assert.Equal(published.Count, seen.Count);
        Assert.True(published.SetEquals(seen), "mosquitto_sub saw exactly the published check-ins");
        foreach (var id in ids)
        {
            Assert.Equal((PerPublisher, PerPublisher), await fleet.DeviceAsync(id)); // idempotent on (device, seq): seqs 1..N, each once
        }

        Assert.Equal(0, (await fleet.StatsAsync()).GetProperty("ingest").GetProperty("publishesRefused").GetInt64());
        devices.ForEach(d => d.Dispose());
    }

    private static async Task PublishAllAsync(DeviceClient device, string id)
    {
        using var window = new SemaphoreSlim(InFlight);
        var sends = new List<Task>(PerPublisher);
        for (var seq = 1; seq <= PerPublisher; seq++)
        {
            await window.WaitAsync();
            var payload = WireJson.Encode(new CheckInsRecorded(CheckInsRecorded.SchemaVersion, id, [TestCheckIns.One(id, seq)]));
            sends.Add(SendAsync(device, Topics.CheckIns("HN", id), payload, window));
        }

        await Task.WhenAll(sends);
    }

    private static async Task SendAsync(DeviceClient device, string topic, byte[] payload, SemaphoreSlim window)
    {
        try
        {
            var result = await device.PublishAsync(topic, payload);
            Assert.True(result.IsSuccess, $"{topic}: {result.ReasonCode}");
        }
        finally
        {
            window.Release();
        }
    }

    private static HashSet<(string, long)> PeerSaw(MosquittoSubPeer peer)
    {
        var seen = new HashSet<(string, long)>();
        foreach (var line in peer.Lines)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && line[..space] != MosquittoSubPeer.ReadyTopic && WireJson.TryDecode(Encoding.UTF8.GetBytes(line[(space + 1)..]), out CheckInsRecorded? batch, out _))
            {
                seen.UnionWith(batch.Items.Select(c => (c.DeviceId, c.Seq)));
            }
        }

        return seen;
    }
}
