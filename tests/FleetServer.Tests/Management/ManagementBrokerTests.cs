using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScanPoint.Contracts;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Management;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Management;

/// <summary>
/// Config twin, commands and alerts through the real embedded broker, with an MQTT client playing the kiosk: what the
/// fleet sends, what it makes of the answers, and what the API shows.
/// </summary>
public sealed class ManagementBrokerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private RunningFleet _fleet = null!;

    public async Task InitializeAsync() => _fleet = await RunningFleet.StartAsync("--Management:CheckInterval=00:00:00.200");

    public async Task DisposeAsync()
    {
        await _fleet.DisposeAsync();
    }

    private IManagementStore Management => _fleet.Services.GetRequiredService<IFleetStore>().Management;

    [Fact]
    public async Task Desired_config_is_retained_for_the_device_and_drift_clears_when_it_reports_the_same()
    {
        using var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, await _fleet.AddDeviceAsync("kiosk-c"));
        await Management.SaveDeviceSettingsAsync("kiosk-c", 0, new Dictionary<string, string> { ["heartbeatInterval"] = "30s" }, DateTimeOffset.UtcNow, default);
        await Management.SaveProvincePolicyAsync("HN", 0, new Dictionary<string, string> { ["policy.venue"] = "any" }, DateTimeOffset.UtcNow, default);

        await device.SubscribeAsync(Topics.ConfigDesired("HN", "kiosk-c"));
        var desired = await ReceiveAsync<ConfigDesired>(device, Topics.ConfigDesired("HN", "kiosk-c"), d => d.DeviceVersion == 1 && d.PolicyVersion == 1);
        Assert.Equal("30s", desired.Settings["heartbeatInterval"]);
        Assert.Equal(["policy.venue"], desired.Locked);

        var twin = await ConfigAsync("kiosk-c");
        Assert.False(twin.GetProperty("inSync").GetBoolean());
        Assert.Equal("(version)", twin.GetProperty("drift")[0].GetProperty("key").GetString());

        var drifted = new ConfigReported(1, 1, 1, new Dictionary<string, string> { ["heartbeatInterval"] = "30s", ["policy.venue"] = "all" }, [], new Dictionary<string, string> { ["policy.venue"] = "all" }, DateTimeOffset.UtcNow);
        await device.PublishAsync(Topics.DeviceRoot("HN", "kiosk-c") + "/cfg/reported", WireJson.Encode(drifted));
        await Eventually.TrueAsync(async () => (await ConfigAsync("kiosk-c")).GetProperty("drift").GetArrayLength() == 1 && (await ConfigAsync("kiosk-c")).GetProperty("drift")[0].GetProperty("key").GetString() == "policy.venue", Timeout, "drift on the overridden key");
        Assert.Equal("overridden on the device", (await ConfigAsync("kiosk-c")).GetProperty("drift")[0].GetProperty("why").GetString());

        await device.PublishAsync(Topics.DeviceRoot("HN", "kiosk-c") + "/cfg/reported", WireJson.Encode(drifted with { Effective = desired.Settings, LocalOverrides = new Dictionary<string, string>() }));
        await Eventually.TrueAsync(async () => (await ConfigAsync("kiosk-c")).GetProperty("inSync").GetBoolean(), Timeout, "in sync");
    }

    [Fact]
    public async Task A_command_is_sent_answered_and_shown_and_sent_again_to_a_device_born_anew()
    {
        var credential = await _fleet.AddDeviceAsync("kiosk-x");
        var commandTopic = Topics.Commands("HN", "kiosk-x");
        var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, credential);
        await device.SubscribeAsync(commandTopic);
        await Management.AddCommandAsync("c-1", "kiosk-x", CommandIssued.UploadLogs, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5), default);

        var issued = await ReceiveAsync<CommandIssued>(device, commandTopic, c => c.Id == "c-1");
        Assert.Equal(CommandIssued.UploadLogs, issued.Name);
        Assert.Equal("sent", (await CommandsAsync("kiosk-x"))[0].GetProperty("state").GetString());

        // the kiosk restarts before answering: its new birth brings the command again
        device.Dispose();
        device = await DeviceClient.ConnectAsync(_fleet.MqttPort, credential);
        device.Received.Clear();
        await device.SubscribeAsync(commandTopic);
        await device.PublishAsync(Topics.State("HN", "kiosk-x"), WireJson.Encode(new PresenceChanged(1, PresenceChanged.Online, 2, DateTimeOffset.UtcNow)), retain: true);
        await ReceiveAsync<CommandIssued>(device, commandTopic, c => c.Id == "c-1");

        await device.PublishAsync(Topics.DeviceRoot("HN", "kiosk-x") + "/logs", WireJson.Encode(new LogsUploaded(1, "c-1", ["started", "connected"], DateTimeOffset.UtcNow)));
        await device.PublishAsync(Topics.DeviceRoot("HN", "kiosk-x") + "/cmd/result", WireJson.Encode(new CommandCompleted(1, "c-1", CommandIssued.UploadLogs, CommandCompleted.Succeeded, "2 lines", DateTimeOffset.UtcNow)));
        await Eventually.TrueAsync(async () => (await CommandsAsync("kiosk-x"))[0].GetProperty("state").GetString() == "succeeded", Timeout, "the command answered");
        Assert.Equal("started\nconnected", await _fleet.Http.GetStringAsync(Api("/api/devices/kiosk-x/commands/c-1/logs")));
        device.Dispose();
    }

    [Fact]
    public async Task An_unanswered_command_expires()
    {
        await _fleet.AddDeviceAsync("kiosk-e");
        await Management.AddCommandAsync("c-2", "kiosk-e", CommandIssued.Reboot, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(1), default);

        await Eventually.TrueAsync(async () => (await CommandsAsync("kiosk-e"))[0].GetProperty("state").GetString() == "expired", Timeout, "the command to expire");
    }

    [Fact]
    public async Task A_raised_alert_puts_the_device_in_alert_until_cleared()
    {
        using var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, await _fleet.AddDeviceAsync("kiosk-a"));
        await device.PublishAsync(Topics.State("HN", "kiosk-a"), WireJson.Encode(new PresenceChanged(1, PresenceChanged.Online, 1, DateTimeOffset.UtcNow)), retain: true);
        var alertTopic = Topics.DeviceRoot("HN", "kiosk-a") + "/alert";

        await device.PublishAsync(alertTopic, WireJson.Encode(new AlertChanged(1, 1, "SCAN_SOURCE_FAILED", AlertChanged.Raised, "camera:/dev/video0", DateTimeOffset.UtcNow)));
        await Eventually.TrueAsync(async () => (await DeviceAsync("kiosk-a")).GetProperty("state").GetString() == "alert", Timeout, "the alert state");
        Assert.Equal("SCAN_SOURCE_FAILED", (await DeviceAsync("kiosk-a")).GetProperty("alerts")[0].GetString());

        await device.PublishAsync(alertTopic, WireJson.Encode(new AlertChanged(1, 2, "SCAN_SOURCE_FAILED", AlertChanged.Cleared, "", DateTimeOffset.UtcNow)));
        await Eventually.TrueAsync(async () => (await DeviceAsync("kiosk-a")).GetProperty("alerts").GetArrayLength() == 0, Timeout, "the alert cleared");
    }

    [Fact]
    public async Task Malformed_management_messages_and_forged_results_are_refused_or_change_nothing()
    {
        using var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, await _fleet.AddDeviceAsync("kiosk-m"));
        await _fleet.AddDeviceAsync("kiosk-o");
        await Management.AddCommandAsync("c-o", "kiosk-o", CommandIssued.Reboot, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5), default);
        var root = Topics.DeviceRoot("HN", "kiosk-m");

        var bad = await device.PublishAsync(root + "/alert", "{\"v\":1,\"seq\":0,\"kind\":\"x y\",\"state\":\"maybe\",\"detail\":\"\",\"at\":\"2026-01-01T00:00:00Z\"}"u8.ToArray());
        var forged = await device.PublishAsync(root + "/logs", WireJson.Encode(new LogsUploaded(1, "c-o", ["forged"], DateTimeOffset.UtcNow)));
        await device.PublishAsync(root + "/cmd/result", WireJson.Encode(new CommandCompleted(1, "c-o", CommandIssued.Reboot, CommandCompleted.Succeeded, "", DateTimeOffset.UtcNow)));

        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.PayloadFormatInvalid, bad.ReasonCode);
        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.NotEqual("succeeded", (await CommandsAsync("kiosk-o"))[0].GetProperty("state").GetString());
        Assert.Null(await Management.CommandLogsAsync("kiosk-o", "c-o", default));
    }

    private static async Task<T> ReceiveAsync<T>(DeviceClient device, string topic, Func<T, bool> match)
        where T : class
    {
        T? found = null;
        await Eventually.TrueAsync(
            () =>
            {
                found = device.Received.Where(m => m.Topic == topic).Select(m => Decode<T>(m.Payload)).LastOrDefault(x => x is not null && match(x));
                return found is not null;
            },
            Timeout,
            $"a {typeof(T).Name} on {topic}");
        return found!;
    }

    private static T? Decode<T>(byte[] payload)
        where T : class => typeof(T) == typeof(ConfigDesired)
            ? (WireJson.TryDecode(payload, out ConfigDesired? d, out _) ? d as T : null)
            : (WireJson.TryDecode(payload, out CommandIssued? c, out _) ? c as T : null);

    private string Api(string path) => $"http://127.0.0.1:{_fleet.HttpPort}{path}";

    private async Task<JsonElement> ConfigAsync(string deviceId) => await _fleet.Http.GetFromJsonAsync<JsonElement>(Api($"/api/devices/{deviceId}/config"));

    private async Task<JsonElement> CommandsAsync(string deviceId) => await _fleet.Http.GetFromJsonAsync<JsonElement>(Api($"/api/devices/{deviceId}/commands"));

    private async Task<JsonElement> DeviceAsync(string deviceId) =>
        (await _fleet.Http.GetFromJsonAsync<JsonElement>(Api("/api/devices"))).EnumerateArray().Single(d => d.GetProperty("deviceId").GetString() == deviceId);
}
