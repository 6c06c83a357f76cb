using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Tests.Storage;

namespace ScanPoint.FleetServer.Tests.Relay;

/// <summary>What the relay tests do to a <see cref="RunningFleet"/>: store check-ins, read relay stats, call the API as a user.</summary>
internal static class RelayFleet
{
    /// <summary>Fast retries, so that tests of failures do not wait long.</summary>
    public static string[] Args(RunningReceiver receiver, params string[] more) =>
    [
        $"--Relay:Url={receiver.Url}", "--Relay:BatchSize=100", "--Relay:Timeout=00:00:02", "--Relay:MinBackoff=00:00:00.050",
        "--Relay:MaxBackoff=00:00:00.200", "--Relay:PollInterval=00:00:00.050", .. more,
    ];

    /// <summary>Registers the device and stores <paramref name="count"/> check-ins with ULID ids straight into the fleet's store.</summary>
    public static async Task<List<CheckInRecorded>> StoreAsync(this RunningFleet fleet, string deviceId, long firstSeq, int count, string province = "HN")
    {
        if (firstSeq == 1)
        {
            await fleet.AddDeviceAsync(deviceId, province);
        }

        var checkIns = TestCheckIns.Range(deviceId, firstSeq, count).Select(c => c with { Id = Ulid.NewUlid().ToString() }).ToList();
        await fleet.Services.GetRequiredService<IFleetStore>().StoreCheckInsAsync(checkIns, CancellationToken.None);
        return checkIns;
    }

    public static async Task<JsonElement> RelayStatsAsync(this RunningFleet fleet) => (await fleet.StatsAsync()).GetProperty("relay");

    public static async Task<long> RelayAsync(this RunningFleet fleet, string counter) => (await fleet.RelayStatsAsync()).GetProperty(counter).GetInt64();

    public static async Task<string> CircuitAsync(this RunningFleet fleet) =>
        (await fleet.RelayStatsAsync()).GetProperty("circuit").GetProperty("state").GetString()!;

    /// <summary>Adds a user with <paramref name="role"/> (and province) and a password of its own; returns the password.</summary>
    public static async Task<string> AddUserAsync(this RunningFleet fleet, string name, string role, string? province)
    {
        var password = $"pw-{name}-{Guid.NewGuid():N}";
        var store = fleet.Services.GetRequiredService<IFleetStore>();
        Assert.True(await store.Users.AddAsync(
            new UserRecord(name, role, province, new PasswordHasher<string>().HashPassword(name, password), 0, null), DateTimeOffset.UtcNow, CancellationToken.None));
        return password;
    }

    /// <summary>An HTTP request to the fleet's API with HTTP Basic (none when <paramref name="user"/> is null).</summary>
    public static async Task<HttpResponseMessage> SendAsync(this RunningFleet fleet, HttpClient http, HttpMethod method, string path, string? user, string? password)
    {
        using var request = new HttpRequestMessage(method, $"http://127.0.0.1:{fleet.HttpPort}{path}");
        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return await http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
