using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tests.Storage;

/// <summary>The relay outbox: filled with every stored check-in once, emptied only by the relay.</summary>
public abstract partial class FleetStoreContractTests
{
    [Fact]
    public async Task GetRelayBacklogAsync_NothingStored_IsEmpty()
    {
        Assert.Equal(new RelayBacklog(0, null, 0), await Store.GetRelayBacklogAsync(Ct));
        Assert.Empty(await Store.PendingRelayAsync(10, 0, Ct));
    }

    [Fact]
    public async Task StoreCheckInsAsync_NewCheckIns_EnqueuesEachForRelayInOrderWithProvince()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1", province: "HCM"), Ct);
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-2", province: "DN"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 3), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-2", 1, 2), Ct);

        var pending = await Store.PendingRelayAsync(10, 0, Ct);

        Assert.Equal(["kiosk-1/1", "kiosk-1/2", "kiosk-1/3", "kiosk-2/1", "kiosk-2/2"], pending.Select(p => $"{p.CheckIn.DeviceId}/{p.CheckIn.Seq}"));
        var first = pending[0].CheckIn;
        var stored = TestCheckIns.One("kiosk-1", 1);
        Assert.Equal(
            (stored.Id, stored.SiteId, "HCM", stored.At, stored.Format, stored.Verdict, stored.PayloadHash, Time.GetUtcNow()),
            (first.Id, first.SiteId, first.Province, first.At, first.Format, first.Verdict, first.PayloadHash, first.ReceivedAt));
        Assert.Null(first.PersonKey);
        Assert.Equal(new RelayBacklog(5, Time.GetUtcNow(), 0), await Store.GetRelayBacklogAsync(Ct));
    }

    [Fact]
    public async Task StoreCheckInsAsync_SameBatchAgain_EnqueuesNothingMore()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        var batch = TestCheckIns.Range("kiosk-1", 1, 100);
        await Store.StoreCheckInsAsync(batch, Ct);

        await Store.StoreCheckInsAsync([.. batch, .. TestCheckIns.Range("kiosk-1", 101, 1)], Ct);

        Assert.Equal(101, (await Store.GetRelayBacklogAsync(Ct)).Pending);
        Assert.Equal(101, (await Store.PendingRelayAsync(1000, 0, Ct)).Select(p => p.CheckIn.Seq).Distinct().Count());
    }

    [Fact]
    public async Task PendingRelayAsync_Max_ReturnsTheOldestOnly()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 10), Ct);

        var pending = await Store.PendingRelayAsync(4, 0, Ct);

        Assert.Equal([1L, 2, 3, 4], pending.Select(p => p.CheckIn.Seq));
    }

    [Fact]
    public async Task PendingRelayAsync_AfterAnOutboxId_ReturnsOnlyLaterEntries()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 10), Ct);
        var first = await Store.PendingRelayAsync(4, 0, Ct);

        var next = await Store.PendingRelayAsync(4, first[^1].OutboxId, Ct);

        Assert.Equal([5L, 6, 7, 8], next.Select(p => p.CheckIn.Seq));
        Assert.Empty(await Store.PendingRelayAsync(4, (await Store.PendingRelayAsync(100, 0, Ct))[^1].OutboxId, Ct));
    }

    [Fact]
    public async Task CompleteRelayAsync_Relayed_LeavesTheOutboxAndTheRestFollows()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 10), Ct);
        var first = await Store.PendingRelayAsync(4, 0, Ct);
        Time.Advance(TimeSpan.FromMinutes(1));

        await Store.CompleteRelayAsync([.. first.Select(p => p.OutboxId)], [], Time.GetUtcNow(), Ct);
        await Store.CompleteRelayAsync([.. first.Select(p => p.OutboxId)], [], Time.GetUtcNow(), Ct); // again: no-op

        Assert.Equal([5L, 6, 7, 8, 9, 10], (await Store.PendingRelayAsync(100, 0, Ct)).Select(p => p.CheckIn.Seq));
        Assert.Equal(6, (await Store.GetRelayBacklogAsync(Ct)).Pending);
        Assert.Equal(10, (await Store.GetStatsAsync(Ct)).CheckIns); // relaying deletes no check-in
    }

    [Fact]
    public async Task CompleteRelayAsync_Rejected_MovesToDeadLettersAndReplayPutsThemBack()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 3), Ct);
        var pending = await Store.PendingRelayAsync(10, 0, Ct);

        await Store.CompleteRelayAsync([pending[0].OutboxId], [new RelayRejected(pending[1].OutboxId, "ID", "id must be a ULID")], Time.GetUtcNow(), Ct);

        Assert.Equal(new RelayBacklog(1, Time.GetUtcNow(), 1), await Store.GetRelayBacklogAsync(Ct));
        Assert.Equal(new RelayDeadLetter("kiosk-1", 2, "HN", "ID", "id must be a ULID", 0, Time.GetUtcNow()), Assert.Single(await Store.DeadLettersAsync(10, null, Ct)));

        Assert.Equal(1, await Store.ReplayDeadLettersAsync(null, Ct));

        Assert.Equal([3L, 2], (await Store.PendingRelayAsync(10, 0, Ct)).Select(p => p.CheckIn.Seq));
        Assert.Equal(new RelayBacklog(2, Time.GetUtcNow(), 0), await Store.GetRelayBacklogAsync(Ct));
    }

    [Fact]
    public async Task RecordRelayFailureAsync_CountsPerEntryAndDeadLettersAtMaxAttempts()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 3), Ct);
        var pending = await Store.PendingRelayAsync(10, 0, Ct);
        long[] first = [pending[0].OutboxId, pending[1].OutboxId];

        Assert.Equal(0, await Store.RecordRelayFailureAsync(first, "HTTP 503", 3, Time.GetUtcNow(), Ct));
        Assert.Equal(0, await Store.RecordRelayFailureAsync([pending[0].OutboxId], "HTTP 502", 3, Time.GetUtcNow(), Ct));
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await Store.RecordRelayFailureAsync(first, "timeout", 3, Time.GetUtcNow(), Ct));

        Assert.Equal([2L, 3], (await Store.PendingRelayAsync(10, 0, Ct)).Select(p => p.CheckIn.Seq));
        Assert.Equal(
            new RelayDeadLetter("kiosk-1", 1, "HN", "ATTEMPTS", "3 failed attempts; last: timeout", 3, Time.GetUtcNow()),
            Assert.Single(await Store.DeadLettersAsync(10, null, Ct)));
        Assert.Equal(new RelayBacklog(2, Time.GetUtcNow() - TimeSpan.FromMinutes(5), 1), await Store.GetRelayBacklogAsync(Ct));
    }

    [Fact]
    public async Task RecordRelayFailureAsync_AttemptsAreInTheOutboxRowAndSurviveANewStoreInstance()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 1), Ct);
        var entry = Assert.Single(await Store.PendingRelayAsync(10, 0, Ct)).OutboxId;
        await Store.RecordRelayFailureAsync([entry], "HTTP 500", 2, Time.GetUtcNow(), Ct);

        Assert.Equal(1, await CountRawAsync($"SELECT count(*) FROM relay_outbox WHERE outbox_id = {entry} AND attempts = 1 AND last_error = 'HTTP 500'"));
        await Store.MigrateAsync(Ct); // as at a restart
        Assert.Equal(1, await Store.RecordRelayFailureAsync([entry], "HTTP 500", 2, Time.GetUtcNow(), Ct));
        Assert.Equal(0, await CountRawAsync("SELECT count(*) FROM relay_outbox"));
    }

    [Fact]
    public async Task ReplayDeadLettersAsync_ResetsAttemptsAndHonoursTheProvince()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1", province: "HN"), Ct);
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-2", province: "SG"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 1), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-2", 1, 1), Ct);
        var pending = await Store.PendingRelayAsync(10, 0, Ct);
        Assert.Equal(2, await Store.RecordRelayFailureAsync([.. pending.Select(p => p.OutboxId)], "HTTP 503", 1, Time.GetUtcNow(), Ct));

        Assert.Equal(["kiosk-2"], (await Store.DeadLettersAsync(10, "SG", Ct)).Select(l => l.DeviceId));
        Assert.Equal(1, await Store.ReplayDeadLettersAsync("SG", Ct));

        Assert.Equal(["kiosk-1"], (await Store.DeadLettersAsync(10, null, Ct)).Select(l => l.DeviceId));
        var back = Assert.Single(await Store.PendingRelayAsync(10, 0, Ct));
        Assert.Equal("kiosk-2", back.CheckIn.DeviceId);
        Assert.Equal(1, await CountRawAsync($"SELECT count(*) FROM relay_outbox WHERE outbox_id = {back.OutboxId} AND attempts = 0"));
    }
}
