using System.Globalization;
using Microsoft.Data.Sqlite;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Storage;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Storage;

public sealed class SqliteFleetStoreTests : FleetStoreContractTests
{
    private readonly TempDirectory _directory = new("fleet-store");

    private string DatabasePath => _directory.File("fleet.db");

    protected override Task<IFleetStore> CreateStoreAsync() =>
        Task.FromResult<IFleetStore>(new SqliteFleetStore(DatabasePath, Time, Cipher));

    protected override Task<IReadOnlyList<StoredCheckIn>> ReadCheckInsAsync(string deviceId)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT device_id, seq, id, site_id, at, format, verdict, payload_hash, received_at,
                   person_key, person_name, person_birth_date, person_id_hash
            FROM check_ins WHERE device_id = $device_id ORDER BY seq
            """;
        command.Parameters.AddWithValue("$device_id", deviceId);
        using var reader = command.ExecuteReader();
        var rows = new List<StoredCheckIn>();
        while (reader.Read())
        {
            var checkIn = new CheckInRecorded(
                reader.GetString(2), reader.GetInt64(1), reader.GetString(0), reader.GetString(3), Utc(reader.GetString(4)),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), Opened(TestCheckIns.ReadSubject(reader, 9), reader.GetString(0), reader.GetInt64(1)));
            rows.Add(new StoredCheckIn(checkIn, Utc(reader.GetString(8))));
        }

        return Task.FromResult<IReadOnlyList<StoredCheckIn>>(rows);
    }

    protected override Task<long> CountRawAsync(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Task.FromResult(Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    protected override Task ExecuteRawAsync(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    protected override Task<object?> ScalarRawAsync(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Task.FromResult(command.ExecuteScalar());
    }

    protected override Task CleanUpAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void MigrateAsync_NewFile_UsesWalJournal()
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task DisposeAsync_ThenReopen_KeepsDevicesAndCheckIns()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 500), Ct);
        var before = await Store.GetStatsAsync(Ct);
        await Store.DisposeAsync();

        await using var reopened = new SqliteFleetStore(DatabasePath, Time, Cipher);
        await reopened.MigrateAsync(Ct);

        var after = await reopened.GetStatsAsync(Ct);
        Assert.Equal((1, 500), (after.Devices, after.CheckIns));
        Assert.Equal(before.PerDevice, after.PerDevice);
        Assert.Equal(TestCheckIns.Device("kiosk-1"), await reopened.FindDeviceAsync("kiosk-1", Ct));
        Assert.Equal(0, await reopened.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 500), Ct));
    }

    [Fact]
    public async Task AddDeviceAsync_FromSecondInstanceWhileFirstIsOpen_BothSeeTheDevice()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 10), Ct);

        await using var cli = new SqliteFleetStore(DatabasePath, Time, Cipher);
        await cli.MigrateAsync(Ct);
        var added = await cli.AddDeviceAsync(TestCheckIns.Device("kiosk-2"), Ct);

        Assert.True(added);
        Assert.Equal(TestCheckIns.Device("kiosk-2"), await Store.FindDeviceAsync("kiosk-2", Ct));
        Assert.True(await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-3"), Ct));
        Assert.NotNull(await cli.FindDeviceAsync("kiosk-3", Ct));
        Assert.Equal(3, (await cli.GetStatsAsync(Ct)).Devices);
    }

    [Fact]
    public async Task AddDeviceAsync_FromSecondInstanceDuringIngest_AllWritesCommit()
    {
        await using var cli = new SqliteFleetStore(DatabasePath, Time, Cipher);
        await cli.MigrateAsync(Ct);

        var ingest = Task.Run(async () =>
        {
            for (var batch = 0; batch < 40; batch++)
            {
                await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-0", batch * 100L, 100), Ct);
            }
        });
        var adds = Task.Run(async () =>
        {
            for (var device = 1; device <= 40; device++)
            {
                Assert.True(await cli.AddDeviceAsync(TestCheckIns.Device($"kiosk-{device:D2}"), Ct));
            }
        });
        await Task.WhenAll(ingest, adds);

        var stats = await Store.GetStatsAsync(Ct);
        Assert.Equal((40, 4000), (stats.Devices, stats.CheckIns));
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    private static DateTimeOffset Utc(string text)
    {
        Assert.EndsWith("Z", text, StringComparison.Ordinal);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
