using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using ScanPoint.Benchmarks.Fleet;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.Dashboard;
using ScanPoint.FleetServer.Sites;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.Benchmarks.Overview;

/// <summary>
/// Fills a migrated store with a national fleet: devices spread over the 34 provinces and their sites (with a site
/// registry of districts), presence, a last heartbeat and a health history beat per device, and a check-in in the last 12 days for
/// about 40 % of them. Devices, presence and heartbeats go in with plain SQL in one transaction (the store has no bulk
/// call for them and one durable commit per device would take minutes); check-ins go through the store.
/// </summary>
internal static class OverviewFleet
{
    public const int SitesPerProvince = 90;
    public const int DistrictsPerProvince = 20;

    public static async Task SeedAsync(FleetStorage storage, int devices, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var store = await FleetStoreFactory.OpenAsync(storage.Options, cancellationToken);
        await using (store)
        {
            await store.MigrateAsync(cancellationToken);
            await store.Sites.UpsertAsync([.. Sites()], cancellationToken);
            var postgres = storage.Options.Provider == "postgres";
            await using DbConnection connection = postgres
                ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(storage.Options.Postgres) { SearchPath = storage.Options.PostgresSchema }.ConnectionString)
                : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = storage.Options.SqlitePath }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var device = Command(connection, transaction, "INSERT INTO devices (device_id, province, site_id, secret_hash, created_at) VALUES (@id, @province, @site, '', @at)", "id", "province", "site", "at");
            await using var presence = Command(connection, transaction, "INSERT INTO device_presence (device_id, state, boot, at, received_at) VALUES (@id, @state, 1, @at, @at)", "id", "state", "at");
            await using var last = Command(connection, transaction, "INSERT INTO device_heartbeat_last (device_id, received_at, payload) VALUES (@id, @at, @payload)", "id", "at", "payload");
            await using var history = Command(connection, transaction, "INSERT INTO heartbeats (device_id, received_at, payload) VALUES (@id, @at, @payload)", "id", "at", "payload");
            object Time(DateTimeOffset t) => postgres ? t.UtcDateTime : t.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture);
            for (var i = 0; i < devices; i++)
            {
                var (id, province, site) = Device(i);
                await RunAsync(device, cancellationToken, id, province, site, Time(now.AddDays(-60)));
                var kind = i % 20;
                if (kind < 3)
                {
                    continue; // never active: 15 %
                }

                var state = kind == 3 ? PresenceChanged.Lost : kind < 6 ? PresenceChanged.Offline : PresenceChanged.Online;
                var seen = kind == 6 ? now.AddMinutes(-30) : now.AddSeconds(-(i % 60)); // kind 6: stale
                await RunAsync(presence, cancellationToken, id, state, Time(seen.AddHours(-2)));
                var beat = new HeartbeatReported(
                    1, 1, seen, 7200, 45 + (i % 40), 9_000_000_000, 16_000_000_000, 500_000_000, 120_000_000, i % 7, i % 7 == 0 ? null : 20,
                    42, i % 19 == 0 ? 9 * 86400 : 3600, i % 31 == 0 ? 95 : 0.3, 3, 0);
                var payload = Encoding.UTF8.GetString(WireJson.Encode(beat));
                await RunAsync(last, cancellationToken, id, Time(seen), payload);
                await RunAsync(history, cancellationToken, id, Time(seen), payload);
            }

            await transaction.CommitAsync(cancellationToken);
            var checkIns = new List<CheckInRecorded>();
            for (var i = 0; i < devices; i++)
            {
                if (i % 5 < 2 && i % 20 >= 3)
                {
                    var (id, _, site) = Device(i);
                    checkIns.Add(new CheckInRecorded(Ulid.NewUlid().ToString(), 1, id, site, now.AddHours(-(i % 300)), "DCC", "accepted", "h" + i));
                }

                if (checkIns.Count == 5000 || (i == devices - 1 && checkIns.Count > 0))
                {
                    await store.StoreCheckInsAsync(checkIns, cancellationToken);
                    checkIns.Clear();
                }
            }
        }
    }

    private static (string Id, string Province, string Site) Device(int i)
    {
        var province = ProvinceTiles.All[i % ProvinceTiles.All.Count].Code;
        return ($"k{i:D7}", province, $"s{(i / ProvinceTiles.All.Count) % (SitesPerProvince + 10):D3}"); // 10 of 100 sites per province unregistered
    }

    private static IEnumerable<SiteRecord> Sites() =>
        from t in ProvinceTiles.All
        from s in Enumerable.Range(0, SitesPerProvince)
        select new SiteRecord($"s{s:D3}", t.Code, $"{t.Code}-d{s % DistrictsPerProvince:D2}", $"{t.Name} {s}", 8.5 + (t.Row * 0.85) + (s % 10) * 0.02, 102.5 + (t.Column * 1.6) + (s / 10) * 0.02);

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }

        return command;
    }

    private static async Task RunAsync(DbCommand command, CancellationToken cancellationToken, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
