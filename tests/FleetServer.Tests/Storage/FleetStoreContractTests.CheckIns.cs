using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tests.Storage;

public abstract partial class FleetStoreContractTests
{
    [Fact]
    public async Task StoreCheckInsAsync_NewBatch_ReturnsItsCountAndStatsShowIt()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);

        var inserted = await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 500), Ct);

        Assert.Equal(500, inserted);
        var stats = await Store.GetStatsAsync(Ct);
        Assert.Equal(500, stats.CheckIns);
        Assert.Equal(new DeviceStats("kiosk-1", "HN", 500, 500), Assert.Single(stats.PerDevice));
    }

    [Fact]
    public async Task StoreCheckInsAsync_EmptyBatch_ReturnsZero()
    {
        Assert.Equal(0, await Store.StoreCheckInsAsync([], Ct));
        Assert.Equal(0, (await Store.GetStatsAsync(Ct)).CheckIns);
    }

    [Fact]
    public async Task StoreCheckInsAsync_SameBatchAgain_InsertsNothing()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        var batch = TestCheckIns.Range("kiosk-1", 1, 100);
        await Store.StoreCheckInsAsync(batch, Ct);

        var inserted = await Store.StoreCheckInsAsync(batch, Ct);

        Assert.Equal(0, inserted);
        var stats = await Store.GetStatsAsync(Ct);
        Assert.Equal(100, stats.CheckIns);
        Assert.Equal(new DeviceStats("kiosk-1", "HN", 100, 100), Assert.Single(stats.PerDevice));
        Assert.Equal(100, (await ReadCheckInsAsync("kiosk-1")).Count);
    }

    [Fact]
    public async Task StoreCheckInsAsync_HalfOldHalfNew_InsertsOnlyNewAndKeepsOldRows()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 100), Ct);
        var firstReceivedAt = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromMinutes(5));

        var inserted = await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 51, 100), Ct);

        Assert.Equal(50, inserted);
        var stats = await Store.GetStatsAsync(Ct);
        Assert.Equal(150, stats.CheckIns);
        Assert.Equal(new DeviceStats("kiosk-1", "HN", 150, 150), Assert.Single(stats.PerDevice));
        var rows = await ReadCheckInsAsync("kiosk-1");
        Assert.Equal(Enumerable.Range(1, 150).Select(i => (long)i), rows.Select(r => r.CheckIn.Seq));
        Assert.All(rows.Take(100), r => Assert.Equal(firstReceivedAt, r.ReceivedAt));
        Assert.All(rows.Skip(100), r => Assert.Equal(Time.GetUtcNow(), r.ReceivedAt));
    }

    [Fact]
    public async Task StoreCheckInsAsync_DuplicateInsideBatch_StoresItOnce()
    {
        var batch = TestCheckIns.Range("kiosk-1", 1, 10);
        batch.Add(batch[3]);
        batch.Add(batch[3] with { Verdict = "accepted-again" });

        var inserted = await Store.StoreCheckInsAsync(batch, Ct);

        Assert.Equal(10, inserted);
        Assert.Equal(10, (await Store.GetStatsAsync(Ct)).CheckIns);
        Assert.Equal(10, (await ReadCheckInsAsync("kiosk-1")).Count);
    }

    [Fact]
    public async Task StoreCheckInsAsync_Fields_RoundTripWithUtcTimestamps()
    {
        var batch = TestCheckIns.Range("kiosk-1", 41, 5);
        batch.Add(new CheckInRecorded(
            "01JNQXYZ", 7, "kiosk-1", "site-7", new DateTimeOffset(2025, 3, 1, 23, 59, 59, 999, 999, TimeSpan.FromHours(-9.5)),
            CodeFormats.VdsNc, "rejected:SIG", "AbC-_dEf"));

        await Store.StoreCheckInsAsync(batch, Ct);

        var rows = await ReadCheckInsAsync("kiosk-1");
        Assert.Equal(batch.OrderBy(c => c.Seq), rows.Select(r => r.CheckIn));
        Assert.All(rows, r => Assert.Equal(TimeSpan.Zero, r.CheckIn.At.Offset));
        Assert.All(rows, r => Assert.Equal(Time.GetUtcNow(), r.ReceivedAt));
        Assert.All(rows, r => Assert.Equal(TimeSpan.Zero, r.ReceivedAt.Offset));
    }

    [Fact]
    public async Task StoreCheckInsAsync_FourConcurrentCallersWithOverlappingBatches_StoresExactlyTheDistinctSet()
    {
        string[] devices = ["kiosk-a", "kiosk-b", "kiosk-c"];
        foreach (var device in devices)
        {
            await Store.AddDeviceAsync(TestCheckIns.Device(device), Ct);
        }

        // caller i sends seqs 100*i .. 100*i+299 of every device, shuffled, in mixed-device batches of 50
        var callers = Enumerable.Range(0, 4).Select(caller =>
        {
            var random = new Random(caller);
            var checkIns = devices.SelectMany(d => TestCheckIns.Range(d, 100L * caller, 300)).ToArray();
            random.Shuffle(checkIns);
            return checkIns.Chunk(50).ToList();
        }).ToList();

        var inserted = await Task.WhenAll(callers.Select(batches => Task.Run(async () =>
        {
            var sum = 0;
            foreach (var batch in batches)
            {
                sum += await Store.StoreCheckInsAsync(batch, Ct);
            }

            return sum;
        })));

        const int DistinctPerDevice = 600;
        Assert.Equal(devices.Length * DistinctPerDevice, inserted.Sum());
        var stats = await Store.GetStatsAsync(Ct);
        Assert.Equal(devices.Length * DistinctPerDevice, stats.CheckIns);
        Assert.Equal(devices.Select(d => new DeviceStats(d, "HN", DistinctPerDevice, DistinctPerDevice - 1)), stats.PerDevice);
        foreach (var device in devices)
        {
            var seqs = (await ReadCheckInsAsync(device)).Select(r => r.CheckIn.Seq);
            Assert.Equal(Enumerable.Range(0, DistinctPerDevice).Select(i => (long)i), seqs);
        }
    }
}
