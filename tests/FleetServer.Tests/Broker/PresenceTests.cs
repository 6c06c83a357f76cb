using System.Text.Json;
using ScanPoint.Contracts;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Broker;

/// <summary>Presence through the broker: birth, last will on a dead connection, and a stale will that must not win.</summary>
public sealed class PresenceTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private RunningFleet _fleet = null!;

    public async Task InitializeAsync() => _fleet = await RunningFleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task A_dead_connections_will_marks_the_device_lost_and_a_stale_will_cannot_undo_a_newer_birth()
    {
        var credential = await _fleet.AddDeviceAsync("kiosk-p");
        var topic = Topics.State("HN", "kiosk-p");

        // boot 5: birth, then the connection dies -> the broker publishes the will
        var (boot5, _) = await DeviceClient.ConnectAsync(_fleet.MqttPort, "kiosk-p", credential.Secret, (topic, Presence(PresenceChanged.Lost, 5)));
        await boot5.PublishAsync(topic, Presence(PresenceChanged.Online, 5), retain: true);
        await Eventually.TrueAsync(async () => await StateAsync() == ("online", 5), Timeout, "online of boot 5");
        boot5.Abort();
        await Eventually.TrueAsync(async () => await StateAsync() == ("lost", 5), Timeout, "the will: lost of boot 5");

        // boot 6 is born; a late will of boot 5 arrives afterwards and must change nothing
        using var boot6 = await DeviceClient.ConnectAsync(_fleet.MqttPort, credential);
        await boot6.PublishAsync(topic, Presence(PresenceChanged.Online, 6), retain: true);
        await Eventually.TrueAsync(async () => await StateAsync() == ("online", 6), Timeout, "online of boot 6");
        await boot6.PublishAsync(topic, Presence(PresenceChanged.Lost, 5), retain: true);
        await Eventually.TrueAsync(() => _fleet.Logs.Entries.Any(e => e.Id.Id == 1008), Timeout, "the stale will to be dropped");

        Assert.Equal(("online", 6L), await StateAsync());
        Assert.True(WireJson.TryDecode(await RetainedAsync(boot6, topic), out PresenceChanged? retained, out _));
        Assert.Equal((PresenceChanged.Online, 6L), (retained.State, retained.Boot));
    }

    [Fact]
    public async Task A_malformed_state_is_refused()
    {
        using var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, await _fleet.AddDeviceAsync("kiosk-m"));

        var result = await device.PublishAsync(Topics.State("HN", "kiosk-m"), "{\"v\":1,\"state\":\"dancing\",\"boot\":1,\"at\":\"2026-01-01T00:00:00Z\"}"u8.ToArray());

        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.PayloadFormatInvalid, result.ReasonCode);
        Assert.Equal((null, 0L), await StateAsync("kiosk-m"));
    }

    private static byte[] Presence(string state, long boot) => WireJson.Encode(new PresenceChanged(PresenceChanged.SchemaVersion, state, boot, DateTimeOffset.UtcNow));

    private async Task<(string? State, long Boot)> StateAsync(string device = "kiosk-p")
    {
        var stats = await _fleet.StatsAsync();
        var entry = stats.GetProperty("perDevice").EnumerateArray().Single(d => d.GetProperty("deviceId").GetString() == device);
        return entry.GetProperty("presence") is { ValueKind: JsonValueKind.Object } p ? (p.GetProperty("state").GetString(), p.GetProperty("boot").GetInt64()) : (null, 0);
    }

    private static async Task<byte[]> RetainedAsync(DeviceClient device, string topic)
    {
        device.Received.Clear();
        await device.SubscribeAsync(topic);
        await Eventually.TrueAsync(() => device.Received.Any(m => m.Topic == topic), Timeout, "the retained state");
        return device.Received.First(m => m.Topic == topic).Payload;
    }
}
