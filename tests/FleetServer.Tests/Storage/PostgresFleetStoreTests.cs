using Npgsql;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Storage;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Storage;

/// <summary>Runs the contract against the PostgreSQL of <see cref="TestServices"/>, each test in a schema of its own.</summary>
public sealed class PostgresFleetStoreTests : FleetStoreContractTests
{
    private readonly string _schema = $"t_{Guid.NewGuid():N}";
    private readonly NpgsqlDataSource _raw;

    public PostgresFleetStoreTests()
    {
        _raw = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString) { SearchPath = _schema });
    }

    protected override async Task<IFleetStore> CreateStoreAsync()
    {
        await using var create = _raw.CreateCommand($"CREATE SCHEMA {_schema}");
        await create.ExecuteNonQueryAsync(Ct);
        return new PostgresFleetStore(TestServices.PostgresConnectionString, _schema, Time, Cipher);
    }

    protected override async Task<IReadOnlyList<StoredCheckIn>> ReadCheckInsAsync(string deviceId)
    {
        await using var command = _raw.CreateCommand("""
            SELECT device_id, seq, id, site_id, at, format, verdict, payload_hash, received_at,
                   person_key, person_name, person_birth_date, person_id_hash
            FROM check_ins WHERE device_id = @device_id ORDER BY seq
            """);
        command.Parameters.AddWithValue("device_id", deviceId);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<StoredCheckIn>();
        while (await reader.ReadAsync(Ct))
        {
            var checkIn = new CheckInRecorded(
                reader.GetString(2), reader.GetInt64(1), reader.GetString(0), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), Opened(TestCheckIns.ReadSubject(reader, 9), reader.GetString(0), reader.GetInt64(1)));
            rows.Add(new StoredCheckIn(checkIn, reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return rows;
    }

    protected override async Task<long> CountRawAsync(string sql)
    {
        await using var command = _raw.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var command = _raw.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

    protected override async Task<object?> ScalarRawAsync(string sql)
    {
        await using var command = _raw.CreateCommand(sql);
        return await command.ExecuteScalarAsync(Ct);
    }

    protected override async Task CleanUpAsync()
    {
        await using (var drop = _raw.CreateCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE"))
        {
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }

        await _raw.DisposeAsync();
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("t\"; DROP SCHEMA public; --")]
    [InlineData("")]
    public void Constructor_NotAPlainSchemaName_ThrowsArgumentException(string schema) =>
        Assert.ThrowsAny<ArgumentException>(() => new PostgresFleetStore(TestServices.PostgresConnectionString, schema));

    [Fact]
    public async Task MigrateAsync_SchemaMissing_ThrowsNamingTheSchema()
    {
        var missing = $"t_missing_{Guid.NewGuid():N}";
        await using var store = new PostgresFleetStore(TestServices.PostgresConnectionString, missing, Time);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.MigrateAsync(Ct));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreCheckInsAsync_AnyBatches_CountersMatchTheCheckInsTable()
    {
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 5, 20), Ct);
        await Store.StoreCheckInsAsync([.. TestCheckIns.Range("kiosk-1", 0, 10), .. TestCheckIns.Range("kiosk-2", 3, 4)], Ct);

        await using var command = _raw.CreateCommand("""
            SELECT count(*) FROM (
                SELECT device_id, count(*) AS check_ins, max(seq) AS last_seq FROM check_ins GROUP BY device_id
                EXCEPT SELECT device_id, check_ins, last_seq FROM device_counters
            ) AS mismatches
            """);

        Assert.Equal(0L, await command.ExecuteScalarAsync(Ct));
        Assert.Equal(29, (await Store.GetStatsAsync(Ct)).CheckIns);
    }
}
