using System.Net;
using Microsoft.Data.Sqlite;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Users;
using ScanPoint.NationalReceiver;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Relay;

/// <summary>Failed attempts counted per outbox entry, kept across a restart, dead letters after the maximum, replay.</summary>
public sealed class RelayAttemptsTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http = new();
    private RunningReceiver _receiver = null!;
    private RunningFleet _fleet = null!;

    public async Task InitializeAsync()
    {
        _receiver = await RunningReceiver.StartAsync();
        _fleet = await RunningFleet.StartAsync(RelayFleet.Args(_receiver, "--Relay:MaxAttempts=6", "--Relay:CircuitFailures=1000", "--Relay:MaxInFlight=1"));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fleet.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Attempts_SurviveARestart_DeadLetterAtTheMaximum_ReplayDeliversThem()
    {
        await _receiver.SetFaultsAsync(new FaultOptions { FailPercent = 100 });
        var stored = await _fleet.StoreAsync("kiosk-1", 1, 30);
        await Eventually.TrueAsync(() => MinAttempts() >= 2, Limit, "two failed attempts on every entry");

        await _fleet.RestartAsync(); // the attempts live in the outbox rows; the counters in /api/stats start again

        await Eventually.TrueAsync(async () => await _fleet.RelayAsync("deadLetters") == 30, Limit, "all 30 dead-lettered after 6 attempts");
        Assert.Equal(0, await _fleet.RelayAsync("pending"));
        Assert.InRange(await _fleet.RelayAsync("failedAttempts"), 1, 4); // 6 in all, at least 2 of them before the restart
        Assert.Equal(30, await _fleet.RelayAsync("deadLetteredAfterAttempts"));
        // logged after the store call returns, so it may trail the count seen through the API
        await Eventually.TrueAsync(() => _fleet.Logs.Entries.Any(e => e.Id.Id == 7010), Limit, "the dead-lettering logged (7010)");

        var admin = await _fleet.AddUserAsync("admin-1", UserRoles.Admin, null);
        var letters = await (await _fleet.SendAsync(_http, HttpMethod.Get, "/api/relay/dead-letters?max=1000", "admin-1", admin)).JsonAsync();
        var first = letters.GetProperty("deadLetters")[0];
        Assert.Equal(30, letters.GetProperty("deadLetters").GetArrayLength());
        Assert.Equal(("ATTEMPTS", 6), (first.GetProperty("code").GetString(), first.GetProperty("attempts").GetInt32()));
        Assert.StartsWith("6 failed attempts; last: HTTP 500", first.GetProperty("reason").GetString(), StringComparison.Ordinal);

        await _receiver.SetFaultsAsync(new FaultOptions());
        var replay = await _fleet.SendAsync(_http, HttpMethod.Post, "/api/relay/dead-letters/replay", "admin-1", admin);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(30, (await replay.JsonAsync()).GetProperty("replayed").GetInt32());

        await Eventually.TrueAsync(async () => await _receiver.HeldAsync() == 30 && await _fleet.RelayAsync("pending") == 0, Limit, "the replayed delivered");
        Assert.Equal(0, await _fleet.RelayAsync("deadLetters"));
        Assert.Equal(stored.Select(c => c.Id).Order(), (await _receiver.HeldCheckInsAsync()).Select(h => h.Id).Order());
    }

    /// <summary>The fewest attempts over the outbox entries, read from the fleet's SQLite file.</summary>
    private long MinAttempts()
    {
        using var connection = new SqliteConnection($"Data Source={_fleet.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(min(attempts), 0) FROM relay_outbox";
        return (long)command.ExecuteScalar()!;
    }
}
