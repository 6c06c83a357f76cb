using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Users;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Relay;

/// <summary><c>/api/relay</c> and its dead letters: who may read and replay them, and only in their province.</summary>
public sealed class RelayEndpointsTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private RunningFleet _fleet = null!;

    public async Task InitializeAsync()
    {
        // The relay off: the outbox and dead letters are filled straight through the store.
        _fleet = await RunningFleet.StartAsync();
        var store = _fleet.Services.GetRequiredService<IFleetStore>();
        await _fleet.StoreAsync("kiosk-hn", 1, 3, "HN");
        await _fleet.StoreAsync("kiosk-sg", 1, 2, "SG");
        var pending = await store.PendingRelayAsync(100, 0, CancellationToken.None);
        await store.CompleteRelayAsync([], [.. pending.Take(4).Select(p => new RelayRejected(p.OutboxId, "ID", "bad id"))], DateTimeOffset.UtcNow, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fleet.DisposeAsync();
    }

    [Fact]
    public async Task GetRelay_ViewRoles_SeeBacklogCircuitAndCounters_OthersAreRefused()
    {
        var tech = await _fleet.AddUserAsync("tech-1", UserRoles.Technician, "HN");
        var tracer = await _fleet.AddUserAsync("tracer-1", UserRoles.Tracer, null);

        var ok = await _fleet.SendAsync(_http, HttpMethod.Get, "/api/relay", "tech-1", tech);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.JsonAsync();
        Assert.Equal((1, 4, "closed"), (body.GetProperty("pending").GetInt64(), body.GetProperty("deadLetters").GetInt64(), body.GetProperty("circuit").GetProperty("state").GetString()));
        Assert.True(body.GetProperty("lagSeconds").GetDouble() >= 0);
        Assert.False(body.GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _fleet.SendAsync(_http, HttpMethod.Get, "/api/relay", null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _fleet.SendAsync(_http, HttpMethod.Get, "/api/relay", "tracer-1", tracer)).StatusCode);
    }

    [Fact]
    public async Task DeadLetters_AreListedForTheUsersProvinceOnly_MaxIsChecked()
    {
        var hn = await _fleet.AddUserAsync("tech-hn", UserRoles.Technician, "HN");
        var all = await _fleet.AddUserAsync("op-all", UserRoles.Operator, null);

        var mine = await (await _fleet.SendAsync(_http, HttpMethod.Get, "/api/relay/dead-letters", "tech-hn", hn)).JsonAsync();
        var every = await (await _fleet.SendAsync(_http, HttpMethod.Get, "/api/relay/dead-letters?max=2", "op-all", all)).JsonAsync();

        Assert.Equal(["HN", "HN", "HN"], mine.GetProperty("deadLetters").EnumerateArray().Select(l => l.GetProperty("province").GetString()));
        Assert.Equal(2, every.GetProperty("deadLetters").GetArrayLength());
        foreach (var bad in new[] { "0", "1001", "abc", "-1", "1e3" })
        {
            var response = await _fleet.SendAsync(_http, HttpMethod.Get, $"/api/relay/dead-letters?max={bad}", "op-all", all);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("max must be", (await response.JsonAsync()).GetProperty("error").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Replay_NeedsSteer_AndStaysInTheUsersProvince()
    {
        var tech = await _fleet.AddUserAsync("tech-all", UserRoles.Technician, null);
        var hn = await _fleet.AddUserAsync("op-hn", UserRoles.Operator, "HN");
        var store = _fleet.Services.GetRequiredService<IFleetStore>();

        Assert.Equal(HttpStatusCode.Forbidden, (await _fleet.SendAsync(_http, HttpMethod.Post, "/api/relay/dead-letters/replay", "tech-all", tech)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _fleet.SendAsync(_http, HttpMethod.Post, "/api/relay/dead-letters/replay?province=SG", "op-hn", hn)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _fleet.SendAsync(_http, HttpMethod.Post, "/api/relay/dead-letters/replay?province=H%20N", "op-hn", hn)).StatusCode);
        Assert.Equal(4, (await store.GetRelayBacklogAsync(CancellationToken.None)).DeadLetters);

        var replay = await _fleet.SendAsync(_http, HttpMethod.Post, "/api/relay/dead-letters/replay", "op-hn", hn);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(3, (await replay.JsonAsync()).GetProperty("replayed").GetInt32());
        Assert.Equal(["SG"], (await store.DeadLettersAsync(10, null, CancellationToken.None)).Select(l => l.Province));
        Assert.Contains(_fleet.Logs.Entries, e => e.Id.Id == 7011 && e.Message.Contains("op-hn", StringComparison.Ordinal));
    }
}
