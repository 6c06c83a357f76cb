using ScanPoint.Contracts.CheckIns;

namespace ScanPoint.FleetServer.Tests.Storage;

public abstract partial class FleetStoreContractTests
{
    [Fact]
    public async Task StoreCheckInsAsync_WithAndWithoutSubjects_StoresPersonColumnsAsSent()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        var batch = TestCheckIns.Range("kiosk-1", 1, 40).Select(TestCheckIns.WithSubject).ToList();

        Assert.Equal(40, await Store.StoreCheckInsAsync(batch, Ct));

        var rows = await ReadCheckInsAsync("kiosk-1");
        Assert.Equal(batch.Select(c => c.Subject), rows.Select(r => r.CheckIn.Subject));
        Assert.Equal(20, rows.Count(r => r.CheckIn.Subject is null));
    }

    [Fact]
    public async Task MigrateAsync_CheckInsTableFromBeforeSubjects_AddsPersonColumnsAndKeepsRows()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 3), Ct);
        await ExecuteRawAsync("""
            DROP INDEX check_ins_person_key_at;
            ALTER TABLE check_ins DROP COLUMN person_key;
            ALTER TABLE check_ins DROP COLUMN person_name;
            ALTER TABLE check_ins DROP COLUMN person_birth_date;
            ALTER TABLE check_ins DROP COLUMN person_id_hash;
            """);

        await Store.MigrateAsync(Ct);
        var later = TestCheckIns.WithSubject(TestCheckIns.One("kiosk-1", 4));
        Assert.Equal(1, await Store.StoreCheckInsAsync([later], Ct));

        var rows = await ReadCheckInsAsync("kiosk-1");
        Assert.Equal([null, null, null, later.Subject], rows.Select(r => r.CheckIn.Subject));
    }
}
