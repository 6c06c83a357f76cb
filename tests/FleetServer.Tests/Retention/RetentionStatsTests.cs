using Microsoft.Data.Sqlite;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Tests.Relay;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Retention;

/// <summary>The fleet server's own retention run at start, seen in <c>/api/stats</c> and in the SQLite file.</summary>
public sealed class RetentionStatsTests
{
    [Fact]
    public async Task Start_DeletesCheckInsPastTheWindow_StatsCountThemAndTheUnrelayed()
    {
        await using var fleet = await RunningFleet.StartAsync("--Retention:Days=28");
        await fleet.StoreAsync("kiosk-1", 1, 40); // scanned in March 2025: long past 28 days, never relayed (relay off)

        await fleet.RestartAsync();

        await Eventually.TrueAsync(async () => (await fleet.StatsAsync()).GetProperty("retention").GetProperty("deleted").GetInt64() == 40, TimeSpan.FromSeconds(30), "the start run");
        var stats = await fleet.StatsAsync();
        var retention = stats.GetProperty("retention");
        Assert.Equal((28, 40L), (retention.GetProperty("days").GetInt32(), retention.GetProperty("deletedUnrelayed").GetInt64()));
        Assert.Equal(System.Text.Json.JsonValueKind.String, retention.GetProperty("lastRunAt").ValueKind);
        Assert.Equal(40, stats.GetProperty("checkIns").GetInt64()); // per-device counters stay
        Assert.Equal(0, stats.GetProperty("relay").GetProperty("pending").GetInt64());
        Assert.Equal(0, Count(fleet, "SELECT count(*) FROM check_ins") + Count(fleet, "SELECT count(*) FROM relay_outbox"));
    }

    private static long Count(RunningFleet fleet, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={fleet.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
