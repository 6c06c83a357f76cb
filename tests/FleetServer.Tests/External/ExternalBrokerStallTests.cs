using ScanPoint.Contracts;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.External;
using ScanPoint.FleetServer.Tests.Storage;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.External;

/// <summary>
/// The receive path made to hang inside MQTTnet's callback (as in MQTTnet issues #2234/#1962: connected, nothing
/// delivered): the liveness probe notices, the fleet reconnects to its persistent session, and every check-in,
/// including the one whose callback hung, is stored. Also: revoked and misplaced devices are refused, and a stale
/// presence retained by the broker is replaced by the known newer one.
/// </summary>
public sealed class ExternalBrokerStallTests
{
    private const int Batches = 400;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ReceivePathHangs_WatchdogReconnects_AndNothingIsLost()
    {
        var hung = 0;
        var hook = new ExternalReceiveHook(async (topic, cancellationToken) =>
        {
            if (topic.EndsWith("/evt/checkin", StringComparison.Ordinal) && Interlocked.Exchange(ref hung, 1) == 0)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken); // the first check-in's callback never returns
            }
        });
        await using var fleet = await ExternalFleet.StartAsync(hook);
        using var device = await fleet.ConnectAsync("stall-1", await fleet.AddDeviceAsync("stall-1"));

        for (var seq = 1; seq <= Batches; seq++)
        {
            var batch = new CheckInsRecorded(CheckInsRecorded.SchemaVersion, "stall-1", [TestCheckIns.One("stall-1", seq)]);
            Assert.True((await device.PublishAsync(Topics.CheckIns("HN", "stall-1"), WireJson.Encode(batch))).IsSuccess);
        }

        await Eventually.TrueAsync(async () => await fleet.DeviceAsync("stall-1") == (Batches, Batches), Limit, "every check-in stored after the reconnect");
        var external = await fleet.ExternalAsync();
        Assert.Equal(1, hung);
        Assert.True(external.GetProperty("stalls").GetInt64() >= 1, $"the watchdog saw the stall: {external}");
        Assert.True(external.GetProperty("connects").GetInt64() >= 2, $"and reconnected: {external}");
        Assert.Contains(fleet.Logs.Entries, e => e.Id.Id == 1104);
    }

    [Fact]
    public async Task RevokedOrMisplacedDevice_IsRefused_AndAStaleRetainedPresenceIsReplaced()
    {
        await using var fleet = await ExternalFleet.StartAsync();
        using var good = await fleet.ConnectAsync("good-1", await fleet.AddDeviceAsync("good-1", "HN"));
        using var revoked = await fleet.ConnectAsync("gone-1", await fleet.AddDeviceAsync("gone-1", "HN"));
        var store = (ScanPoint.FleetServer.Storage.IFleetStore)fleet.Services.GetService(typeof(ScanPoint.FleetServer.Storage.IFleetStore))!;
        Assert.True(await store.RevokeDeviceAsync("gone-1", DateTimeOffset.UtcNow, CancellationToken.None));

        await good.PublishAsync(Topics.CheckIns("DN", "good-1"), Batch("good-1", 1)); // its own id, another province: the broker lets it through
        await revoked.PublishAsync(Topics.CheckIns("HN", "gone-1"), Batch("gone-1", 1));
        await Eventually.TrueAsync(
            async () => (await fleet.StatsAsync()).GetProperty("ingest").GetProperty("publishesRefused").GetInt64() == 2, Limit, "both refused");

        var topic = Topics.State("HN", "good-1");
        await good.PublishAsync(topic, Presence(PresenceChanged.Online, 6), retain: true);
        await Eventually.TrueAsync(async () => await fleet.PresenceAsync("good-1") == ("online", 6), Limit, "online of boot 6");
        await good.PublishAsync(topic, Presence(PresenceChanged.Lost, 5), retain: true); // a late will of boot 5
        await Eventually.TrueAsync(async () => (await fleet.ExternalAsync()).GetProperty("stalePresenceCorrected").GetInt64() == 1, Limit, "the stale will corrected");

        using var reader = await fleet.ConnectAsync("good-1-reader", fleet.Issue("fleet-server", "fleet"));
        await reader.SubscribeAsync(topic);
        await Eventually.TrueAsync(() => !reader.Received.IsEmpty, Limit, "the retained presence");
        Assert.True(WireJson.TryDecode(reader.Received.Last().Payload, out PresenceChanged? retained, out _));
        Assert.Equal((PresenceChanged.Online, 6L), (retained.State, retained.Boot));
        Assert.Equal((0L, 0L), await fleet.DeviceAsync("gone-1"));
        Assert.Equal(("online", 6L), await fleet.PresenceAsync("good-1"));
    }

    private static byte[] Batch(string id, long seq) => WireJson.Encode(new CheckInsRecorded(CheckInsRecorded.SchemaVersion, id, [TestCheckIns.One(id, seq)]));

    private static byte[] Presence(string state, long boot) => WireJson.Encode(new PresenceChanged(PresenceChanged.SchemaVersion, state, boot, DateTimeOffset.UtcNow));
}
