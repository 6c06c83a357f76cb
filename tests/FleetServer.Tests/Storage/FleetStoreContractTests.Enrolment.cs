using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tests.Storage;

public abstract partial class FleetStoreContractTests
{
    [Fact]
    public async Task ClaimEnrolmentAsync_RightSecret_RegistersTheDeviceInTheCodesPlaceOnce()
    {
        await Store.AddEnrolmentAsync(Code("c1"), Ct);

        var claim = await Store.ClaimEnrolmentAsync("c1", "hash-c1", "kiosk-new", Now, Ct);
        var again = await Store.ClaimEnrolmentAsync("c1", "hash-c1", "kiosk-other", Now, Ct);

        Assert.Equal(EnrolmentOutcome.Enrolled, claim.Outcome);
        Assert.Equal(("kiosk-new", "HN", "hoan-kiem"), (claim.Device!.DeviceId, claim.Device.Province, claim.Device.SiteId));
        Assert.Equal(("HN", "hoan-kiem"), ((await Store.FindDeviceAsync("kiosk-new", Ct))!.Province, (await Store.FindDeviceAsync("kiosk-new", Ct))!.SiteId));
        Assert.Equal(EnrolmentOutcome.AlreadyUsed, again.Outcome);
        Assert.Null(await Store.FindDeviceAsync("kiosk-other", Ct));
        var listed = Assert.Single(await Store.ListEnrolmentsAsync(Ct));
        Assert.Equal(("kiosk-new", Now), (listed.DeviceId, listed.UsedAt));
    }

    [Fact]
    public async Task ClaimEnrolmentAsync_UnknownExpiredOrTakenId_RegistersNothing()
    {
        await Store.AddEnrolmentAsync(Code("old", expires: Now.AddSeconds(-1)), Ct);
        await Store.AddEnrolmentAsync(Code("c2"), Ct);
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-taken"), Ct);

        Assert.Equal(EnrolmentOutcome.UnknownCode, (await Store.ClaimEnrolmentAsync("nope", "hash-nope", "k1", Now, Ct)).Outcome);
        Assert.Equal(EnrolmentOutcome.Expired, (await Store.ClaimEnrolmentAsync("old", "hash-old", "k2", Now, Ct)).Outcome);
        Assert.Equal(EnrolmentOutcome.DeviceIdTaken, (await Store.ClaimEnrolmentAsync("c2", "hash-c2", "kiosk-taken", Now, Ct)).Outcome);

        Assert.Null(await Store.FindDeviceAsync("k1", Ct));
        Assert.Null(await Store.FindDeviceAsync("k2", Ct));
        Assert.All(await Store.ListEnrolmentsAsync(Ct), e => Assert.Null(e.UsedAt));
        Assert.Equal(EnrolmentOutcome.Enrolled, (await Store.ClaimEnrolmentAsync("c2", "hash-c2", "k3", Now, Ct)).Outcome);
    }

    [Fact]
    public async Task ClaimEnrolmentAsync_WrongSecrets_BurnTheCodeAfterTheLimit()
    {
        await Store.AddEnrolmentAsync(Code("c3"), Ct);

        for (var i = 0; i < EnrolmentClaim.MaxFailedAttempts; i++)
        {
            Assert.Equal(EnrolmentOutcome.WrongSecret, (await Store.ClaimEnrolmentAsync("c3", "guess-" + i, "k", Now, Ct)).Outcome);
        }

        Assert.Equal(EnrolmentOutcome.Burnt, (await Store.ClaimEnrolmentAsync("c3", "hash-c3", "k", Now, Ct)).Outcome);
        Assert.Null(await Store.FindDeviceAsync("k", Ct));
        Assert.Equal(EnrolmentClaim.MaxFailedAttempts, Assert.Single(await Store.ListEnrolmentsAsync(Ct)).FailedAttempts);
    }

    [Fact]
    public async Task ClaimEnrolmentAsync_RacingClaims_ExactlyOneWins()
    {
        await Store.AddEnrolmentAsync(Code("c4"), Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Store.ClaimEnrolmentAsync("c4", "hash-c4", "racer-" + i, Now, Ct)));

        Assert.Single(claims, c => c.Outcome == EnrolmentOutcome.Enrolled);
        Assert.Equal(7, claims.Count(c => c.Outcome == EnrolmentOutcome.AlreadyUsed));
        Assert.Equal(1, (await Store.GetStatsAsync(Ct)).Devices);
    }

    [Fact]
    public async Task AddEnrolmentAsync_TakenId_ReturnsFalseAndListsNewestFirst()
    {
        Assert.True(await Store.AddEnrolmentAsync(Code("a", created: Now.AddMinutes(-5)), Ct));
        Assert.True(await Store.AddEnrolmentAsync(Code("b"), Ct));
        Assert.False(await Store.AddEnrolmentAsync(Code("a"), Ct));

        Assert.Equal(["b", "a"], (await Store.ListEnrolmentsAsync(Ct)).Select(e => e.CodeId));
    }

    [Fact]
    public async Task ClaimEnrolmentAsync_ReEnrolmentCode_ReusesTheExistingDeviceUnlessRevoked()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-old"), Ct);
        await Store.AddEnrolmentAsync(Code("re1") with { DeviceId = "kiosk-old" }, Ct);
        await Store.AddEnrolmentAsync(Code("re2") with { DeviceId = "kiosk-old" }, Ct);

        var claim = await Store.ClaimEnrolmentAsync("re1", "hash-re1", "kiosk-ignored", Now, Ct);
        await Store.RevokeDeviceAsync("kiosk-old", Now, Ct);
        var afterRevocation = await Store.ClaimEnrolmentAsync("re2", "hash-re2", "kiosk-ignored", Now, Ct);

        Assert.Equal(EnrolmentOutcome.Enrolled, claim.Outcome);
        Assert.Equal("kiosk-old", claim.Device!.DeviceId);
        Assert.Null(await Store.FindDeviceAsync("kiosk-ignored", Ct));
        Assert.Equal(EnrolmentOutcome.DeviceGone, afterRevocation.Outcome);
        Assert.Equal(1, (await Store.GetStatsAsync(Ct)).Devices);
    }

    [Fact]
    public async Task RevokeDeviceAsync_MarksOnceAndListsItSinceThen()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-r1"), Ct);
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-r2"), Ct);

        Assert.True(await Store.RevokeDeviceAsync("kiosk-r1", Now, Ct));
        Assert.False(await Store.RevokeDeviceAsync("kiosk-r1", Now.AddMinutes(1), Ct));
        Assert.False(await Store.RevokeDeviceAsync("nobody", Now, Ct));

        Assert.Equal(Now, (await Store.FindDeviceAsync("kiosk-r1", Ct))!.RevokedAt);
        Assert.Null((await Store.FindDeviceAsync("kiosk-r2", Ct))!.RevokedAt);
        Assert.Equal(["kiosk-r1"], await Store.RevokedSinceAsync(Now.AddSeconds(-1), Ct));
        Assert.Empty(await Store.RevokedSinceAsync(Now.AddSeconds(1), Ct));
    }

    private DateTimeOffset Now => Time.GetUtcNow();

    private EnrolmentRecord Code(string id, DateTimeOffset? expires = null, DateTimeOffset? created = null) =>
        new(id, "hash-" + id, "HN", "hoan-kiem", created ?? Now, expires ?? Now.AddDays(1));
}
