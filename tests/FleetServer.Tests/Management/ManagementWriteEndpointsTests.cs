using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ScanPoint.FleetServer.Tests.Broker;

namespace ScanPoint.FleetServer.Tests.Management;

/// <summary>The JSON writes of device management: settings, province policy, commands, revocation; bad input is 400 with a message.</summary>
public sealed class ManagementWriteEndpointsTests : IAsyncLifetime
{
    private RunningFleet _fleet = null!;

    public async Task InitializeAsync()
    {
        _fleet = await RunningFleet.StartAsync();
        await _fleet.AddDeviceAsync("kiosk-w", "HN");
    }

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task Settings_and_policy_set_through_the_api_become_the_desired_config()
    {
        var device = await PostAsync("/api/devices/kiosk-w/config", new { set = new Dictionary<string, string> { ["display.brightness"] = "70", ["sound.volume"] = "3" } });
        var again = await PostAsync("/api/devices/kiosk-w/config", new { unset = new[] { "sound.volume" } });
        var policy = await PostAsync("/api/provinces/HN/policy", new { set = new Dictionary<string, string> { ["door.mode"] = "venue" } });

        Assert.Equal(HttpStatusCode.OK, device.StatusCode);
        Assert.Equal(2, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        var desired = (await _fleet.Http.GetFromJsonAsync<JsonElement>("/api/devices/kiosk-w/config")).GetProperty("desired");
        Assert.Equal("70", desired.GetProperty("settings").GetProperty("display.brightness").GetString());
        Assert.Equal("venue", desired.GetProperty("settings").GetProperty("door.mode").GetString());
        Assert.False(desired.GetProperty("settings").TryGetProperty("sound.volume", out _));
        Assert.Contains("door.mode", desired.GetProperty("locked").EnumerateArray().Select(k => k.GetString()));
        var read = await _fleet.Http.GetFromJsonAsync<JsonElement>("/api/provinces/HN/policy");
        Assert.Equal(1, read.GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("/api/devices/kiosk-w/config", """{"set":{"Bad Key":"1"}}""", "key")]
    [InlineData("/api/devices/kiosk-w/config", """{}""", "nothing to change")]
    [InlineData("/api/devices/kiosk-w/config", """{"unset":["9x"]}""", "not a setting key")]
    [InlineData("/api/provinces/S%20G/policy", """{"set":{"a":"1"}}""", "province")]
    [InlineData("/api/devices/kiosk-w/commands", """{"name":"format-disk"}""", "name must be one of")]
    [InlineData("/api/devices/kiosk-w/commands", """{"name":"reboot","expiresIn":"8d"}""", "expiresIn")]
    [InlineData("/api/devices/kiosk-w/commands", """{"name":"reboot","expiresIn":"soon"}""", "expiresIn")]
    public async Task Bad_input_is_400_with_a_message(string path, string json, string message)
    {
        using var response = await _fleet.Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_and_oversized_values_are_400()
    {
        using var broken = await _fleet.Http.PostAsync("/api/devices/kiosk-w/config", new StringContent("{\"set\":", Encoding.UTF8, "application/json"));
        var huge = await PostAsync("/api/devices/kiosk-w/config", new { set = new Dictionary<string, string> { ["a"] = new string('x', 1025) } });
        var many = await PostAsync("/api/devices/kiosk-w/config", new { set = Enumerable.Range(0, 65).ToDictionary(i => $"k{i}", i => "v") });

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
    }

    [Fact]
    public async Task A_command_is_queued_and_a_revoked_device_takes_no_more()
    {
        var queued = await PostAsync("/api/devices/kiosk-w/commands", new { name = "upload-logs", expiresIn = "2h" });
        var revoked = await PostAsync("/api/devices/kiosk-w/revoke", null);
        var twice = await PostAsync("/api/devices/kiosk-w/revoke", null);
        var refused = await PostAsync("/api/devices/kiosk-w/commands", new { name = "reboot" });
        var unknown = await PostAsync("/api/devices/nobody/revoke", null);

        Assert.Equal(HttpStatusCode.Created, queued.StatusCode);
        var id = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commandId").GetString();
        var commands = await _fleet.Http.GetFromJsonAsync<JsonElement>("/api/devices/kiosk-w/commands");
        Assert.Contains(id, commands.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal((await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revokedAt").GetDateTimeOffset(),
            (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revokedAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string path, object? body) =>
        _fleet.Http.PostAsync(path, body is null ? null : JsonContent.Create(body, body.GetType()));
}
