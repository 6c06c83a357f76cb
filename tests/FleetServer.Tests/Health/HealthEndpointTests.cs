using System.Net.Http.Json;
using System.Text.Json;
using ScanPoint.Contracts;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Health;

/// <summary>Presence and heartbeats over the broker end up as derived states in <c>/api/devices</c> and <c>/api/provinces</c>.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private RunningFleet _fleet = null!;

    public async Task InitializeAsync() => _fleet = await RunningFleet.StartAsync();

    public async Task DisposeAsync()
    {
        await _fleet.DisposeAsync();
    }

    [Fact]
    public async Task A_beating_device_is_online_a_silent_one_never_active_and_provinces_count_them()
    {
        var credential = await _fleet.AddDeviceAsync("kiosk-live", "HN");
        await _fleet.AddDeviceAsync("kiosk-silent", "HN");
        await _fleet.AddDeviceAsync("kiosk-far", "DN");
        using var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, credential);
        var now = DateTimeOffset.UtcNow;
        await device.PublishAsync(Topics.State("HN", "kiosk-live"), WireJson.Encode(new PresenceChanged(1, "online", 1, now)), retain: true);
        var beat = new HeartbeatReported(1, 1, now, 10, 45, 900, 1000, 500, 200, 0, null, 3, 600, 0.1, 0, 0);
        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.Success, (await device.PublishAsync(Topics.DeviceRoot("HN", "kiosk-live") + "/hb", WireJson.Encode(beat))).ReasonCode);

        JsonElement live = default;
        await Eventually.TrueAsync(
            async () => (live = (await DevicesAsync()).Single(d => d.GetProperty("deviceId").GetString() == "kiosk-live")).GetProperty("state").GetString() == "idle",
            TimeSpan.FromSeconds(20),
            "kiosk-live to be online without scans (idle: registered long ago, never scanned)");

        Assert.Equal(3, live.GetProperty("trustVersion").GetInt64());
        var silent = (await DevicesAsync()).Single(d => d.GetProperty("deviceId").GetString() == "kiosk-silent");
        Assert.Equal("never-active", silent.GetProperty("state").GetString());
        var provinces = await _fleet.Http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{_fleet.HttpPort}/api/provinces");
        var hn = provinces.EnumerateArray().Single(p => p.GetProperty("province").GetString() == "HN");
        Assert.Equal(2, hn.GetProperty("registered").GetInt32());
        Assert.Equal(1, hn.GetProperty("states").GetProperty("never-active").GetInt32());
        Assert.Equal(1, hn.GetProperty("states").GetProperty("idle").GetInt32());
        Assert.Equal(0, hn.GetProperty("activeInWindow").GetInt32());
        var activity = await _fleet.Http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{_fleet.HttpPort}/api/devices/kiosk-live/activity?days=7");
        Assert.Equal(0, activity.GetArrayLength()); // online, but no scan yet
        var history = await _fleet.Http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{_fleet.HttpPort}/api/devices/kiosk-live/heartbeats?hours=1");
        Assert.Equal(3, Assert.Single(history.EnumerateArray()).GetProperty("heartbeat").GetProperty("trustVersion").GetInt64());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await _fleet.Http.GetAsync(new Uri($"http://127.0.0.1:{_fleet.HttpPort}/api/devices/nobody/activity"))).StatusCode);
        var hnOnly = await _fleet.Http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{_fleet.HttpPort}/api/devices?province=DN");
        Assert.Equal(["kiosk-far"], hnOnly.EnumerateArray().Select(d => d.GetProperty("deviceId").GetString()));
    }

    private async Task<JsonElement[]> DevicesAsync() =>
        [.. (await _fleet.Http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{_fleet.HttpPort}/api/devices")).EnumerateArray()];
}
