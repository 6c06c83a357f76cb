using System.Security.Cryptography;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tests.Storage;

/// <summary>Personal data sealed at rest, tracing queries (windows, province scope, limits) and the append-only audit log.</summary>
public abstract partial class FleetStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A check-in at <paramref name="site"/>, <paramref name="minutes"/> after <see cref="T0"/>, by <paramref name="person"/> (none when null).</summary>
    private static CheckInRecorded Visit(string device, long seq, string site, int minutes, string? person) => new(
        $"01JTR{device.ToUpperInvariant()}{seq:D8}", seq, device, site, T0.AddMinutes(minutes), CodeFormats.Dcc, "accepted", $"hash-{seq}",
        person is null ? null : new CheckInSubject(person, $"Trần Thị {person}", "1985-07-09", null));

    private async Task SeedTracingAsync()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("hn-1", province: "HN"), Ct);
        await Store.AddDeviceAsync(TestCheckIns.Device("sg-1", province: "SG"), Ct);
        await Store.StoreCheckInsAsync(
        [
            Visit("hn-1", 1, "cafe", 0, "alice"),
            Visit("hn-1", 2, "cafe", 30, "bob"),
            Visit("hn-1", 3, "cafe", 100, "carol"),
            Visit("hn-1", 4, "cafe", 200, null),
            Visit("hn-1", 5, "gym", 24 * 60, "alice"),
            Visit("sg-1", 1, "market", 60, "alice"),
            Visit("sg-1", 2, "cafe", 45, "dave"),
        ], Ct);
    }

    [Fact]
    public async Task StoreCheckInsAsync_Subject_NameAndBirthDateSealedInTheDatabaseAndOpenedByTheStore()
    {
        await SeedTracingAsync();

        var rawName = (string?)await ScalarRawAsync("SELECT person_name FROM check_ins WHERE device_id = 'hn-1' AND seq = 1");
        var rawBirth = (string?)await ScalarRawAsync("SELECT person_birth_date FROM check_ins WHERE device_id = 'hn-1' AND seq = 1");
        var rawKey = (string?)await ScalarRawAsync("SELECT person_key FROM check_ins WHERE device_id = 'hn-1' AND seq = 1");

        Assert.StartsWith("v1:", rawName, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", rawName, StringComparison.Ordinal);
        Assert.StartsWith("v1:", rawBirth, StringComparison.Ordinal);
        Assert.Equal("alice", rawKey);
        var visit = Assert.Single((await Store.Tracing.PersonVisitsAsync("alice", T0, T0.AddMinutes(1), null, 10, Ct)).CheckIns);
        Assert.Equal(("Trần Thị alice", "1985-07-09"), (visit.Name, visit.BirthDate));
        var pending = await Store.PendingRelayAsync(100, 0, Ct);
        Assert.Contains(pending, p => p.CheckIn.PersonName == "Trần Thị bob" && p.CheckIn.PersonBirthDate == "1985-07-09");
    }

    [Fact]
    public async Task PersonVisitsAsync_SealedValueMovedToAnotherRow_FailsToOpen()
    {
        await SeedTracingAsync();

        await ExecuteRawAsync("UPDATE check_ins SET person_name = (SELECT person_name FROM check_ins WHERE device_id = 'hn-1' AND seq = 2) WHERE device_id = 'hn-1' AND seq = 1");

        await Assert.ThrowsAnyAsync<CryptographicException>(() => Store.Tracing.PersonVisitsAsync("alice", T0, T0.AddDays(2), null, 10, Ct));
        Assert.Single((await Store.Tracing.PersonVisitsAsync("bob", T0, T0.AddDays(2), null, 10, Ct)).CheckIns);
    }

    [Fact]
    public async Task MigrateAsync_ClearNamesFromBeforeSealing_SealsThemOnce()
    {
        await SeedTracingAsync();
        await ExecuteRawAsync("""
            DELETE FROM personal_data_sealing;
            UPDATE check_ins SET person_name = 'Clear Alice', person_birth_date = '1970' WHERE device_id = 'hn-1' AND seq = 1;
            """);

        await Store.MigrateAsync(Ct);

        var raw = (string?)await ScalarRawAsync("SELECT person_name || ' ' || person_birth_date FROM check_ins WHERE device_id = 'hn-1' AND seq = 1");
        Assert.StartsWith("v1:", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Clear", raw, StringComparison.Ordinal);
        var visit = (await Store.Tracing.PersonVisitsAsync("alice", T0, T0.AddMinutes(1), null, 10, Ct)).CheckIns.Single();
        Assert.Equal(("Clear Alice", "1970"), (visit.Name, visit.BirthDate));
        Assert.Equal(1L, Convert.ToInt64(await ScalarRawAsync("SELECT count(*) FROM personal_data_sealing"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PersonVisitsAsync_Window_IncludesFromExcludesToInTimeOrder()
    {
        await SeedTracingAsync();

        var all = await Store.Tracing.PersonVisitsAsync("alice", T0, T0.AddDays(2), null, 10, Ct);
        var bounded = await Store.Tracing.PersonVisitsAsync("alice", T0, T0.AddMinutes(24 * 60), null, 10, Ct);
        var later = await Store.Tracing.PersonVisitsAsync("alice", T0.AddMinutes(1), T0.AddDays(2), null, 10, Ct);

        Assert.Equal([("cafe", "HN", "hn-1", T0), ("market", "SG", "sg-1", T0.AddMinutes(60)), ("gym", "HN", "hn-1", T0.AddDays(1))], all.CheckIns.Select(c => (c.SiteId, c.Province, c.DeviceId, c.At)));
        Assert.False(all.Truncated);
        Assert.Equal(["cafe", "market"], bounded.CheckIns.Select(c => c.SiteId));
        Assert.Equal(["market", "gym"], later.CheckIns.Select(c => c.SiteId));
    }

    [Fact]
    public async Task PersonVisitsAsync_Province_OnlyThatProvincesDevices()
    {
        await SeedTracingAsync();

        var hn = await Store.Tracing.PersonVisitsAsync("alice", T0, T0.AddDays(2), "HN", 10, Ct);
        var sg = await Store.Tracing.PersonVisitsAsync("alice", T0, T0.AddDays(2), "SG", 10, Ct);

        Assert.Equal(["cafe", "gym"], hn.CheckIns.Select(c => c.SiteId));
        Assert.Equal(["market"], sg.CheckIns.Select(c => c.SiteId));
    }

    [Fact]
    public async Task SiteCheckInsAsync_WindowProvinceAndLimit_ExactRows()
    {
        await SeedTracingAsync();

        var all = await Store.Tracing.SiteCheckInsAsync("cafe", T0, T0.AddHours(4), null, 10, Ct);
        var hn = await Store.Tracing.SiteCheckInsAsync("cafe", T0, T0.AddMinutes(100), "HN", 10, Ct);
        var cut = await Store.Tracing.SiteCheckInsAsync("cafe", T0, T0.AddHours(4), null, 2, Ct);

        Assert.Equal([("hn-1", 0), ("hn-1", 30), ("sg-1", 45), ("hn-1", 100), ("hn-1", 200)], all.CheckIns.Select(c => (c.DeviceId, (int)(c.At - T0).TotalMinutes)));
        Assert.Null(all.CheckIns[^1].PersonKey);
        Assert.Equal(["alice", "bob"], hn.CheckIns.Select(c => c.PersonKey));
        Assert.True(cut.Truncated);
        Assert.Equal(2, cut.CheckIns.Count);
    }

    [Fact]
    public async Task OverlapsAsync_PersonAtSite_OthersWithinTheOverlapOnly()
    {
        await SeedTracingAsync();

        var (visits, overlapping) = await Store.Tracing.OverlapsAsync("cafe", "alice", T0.AddHours(-1), T0.AddHours(5), TimeSpan.FromMinutes(60), null, 10, Ct);
        var (_, inHn) = await Store.Tracing.OverlapsAsync("cafe", "alice", T0.AddHours(-1), T0.AddHours(5), TimeSpan.FromMinutes(60), "HN", 10, Ct);

        Assert.Equal([T0], visits.CheckIns.Select(c => c.At));
        Assert.Equal(["bob", "dave"], overlapping.CheckIns.Select(c => c.PersonKey));
        Assert.Equal(["bob"], inHn.CheckIns.Select(c => c.PersonKey));
    }

    [Fact]
    public async Task Exposures_AddedAndListedNewestFirstByProvince()
    {
        await SeedTracingAsync();

        var first = await Store.Tracing.AddExposureAsync("cafe", "HN", T0, T0.AddHours(2), "outbreak", "tracer-1", T0.AddDays(3), Ct);
        var second = await Store.Tracing.AddExposureAsync("market", null, T0, T0.AddHours(1), "", "tracer-2", T0.AddDays(3), Ct);

        Assert.Equal([second, first], await Store.Tracing.ExposuresAsync(null, 10, Ct));
        Assert.Equal([first], await Store.Tracing.ExposuresAsync("HN", 10, Ct));
        Assert.Equal([second], await Store.Tracing.ExposuresAsync(null, 1, Ct));
        Assert.Equal(["HN"], await Store.Tracing.SiteProvincesAsync("site-of-hn-1", Ct));
    }

    [Fact]
    public async Task Audit_AppendedEntriesReadNewestFirstFilteredAndPaged()
    {
        var a = await Store.Audit.AppendAsync(new AuditEntry(0, T0, "tracer-1", "tracer", "tracing.person", """{"key":"alice"}""", 3), Ct);
        var b = await Store.Audit.AppendAsync(new AuditEntry(0, T0.AddMinutes(1), "tracer-2", "tracer", "tracing.site", """{"site":"cafe"}""", 5), Ct);
        var c = await Store.Audit.AppendAsync(new AuditEntry(0, T0.AddMinutes(2), "tracer-1", "tracer", "tracing.export", "{}", 0), Ct);

        var all = await Store.Audit.ReadAsync(T0, T0.AddHours(1), null, null, 10, Ct);
        var mine = await Store.Audit.ReadAsync(T0, T0.AddHours(1), "tracer-1", null, 10, Ct);
        var page = await Store.Audit.ReadAsync(T0, T0.AddHours(1), null, c, 1, Ct);
        var window = await Store.Audit.ReadAsync(T0.AddMinutes(1), T0.AddMinutes(2), null, null, 10, Ct);

        Assert.Equal([c, b, a], all.Select(e => e.Id));
        Assert.Equal(new AuditEntry(a, T0, "tracer-1", "tracer", "tracing.person", """{"key":"alice"}""", 3), all[^1]);
        Assert.Equal([c, a], mine.Select(e => e.Id));
        Assert.Equal([b], page.Select(e => e.Id));
        Assert.Equal([b], window.Select(e => e.Id));
    }

    [Theory]
    [InlineData("UPDATE audit_log SET row_count = 0")]
    [InlineData("DELETE FROM audit_log")]
    public async Task AuditLog_UpdateOrDelete_RefusedByTheDatabase(string sql)
    {
        await Store.Audit.AppendAsync(new AuditEntry(0, T0, "tracer-1", "tracer", "tracing.person", "{}", 3), Ct);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteRawAsync(sql));

        Assert.Equal(3, Assert.Single(await Store.Audit.ReadAsync(T0, T0.AddHours(1), null, null, 10, Ct)).Rows);
    }
}
