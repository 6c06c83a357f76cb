using Microsoft.Extensions.DependencyInjection;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tests.Users;

/// <summary>A remembered password skips the key derivation, never the account: locks apply at once, wrong passwords still count.</summary>
public sealed class PasswordCheckTests : IAsyncLifetime
{
    private RunningFleet _fleet = null!;

    public async Task InitializeAsync() => _fleet = await RunningFleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task CheckAsync_RememberedPasswordOfLockedAccount_IsRefused()
    {
        var password = await _fleet.AddUserAsync("op-lock", UserRoles.Operator, "HN");
        var check = _fleet.Services.GetRequiredService<PasswordCheck>();
        var (first, _) = await check.CheckAsync("op-lock", password, "test", default);
        var (again, _) = await check.CheckAsync("op-lock", password, "test", default);

        for (var i = 0; i < PasswordCheck.MaxAttempts; i++)
        {
            Assert.Equal("unknown user or wrong password", (await check.CheckAsync("op-lock", password + "x", "test", default)).Refusal);
        }

        var (locked, refusal) = await check.CheckAsync("op-lock", password, "test", default);
        Assert.NotNull(first);
        Assert.Equal("HN", again!.FindFirst(UserRoles.ProvinceClaim)?.Value);
        Assert.Null(locked);
        Assert.Equal("account locked", refusal);
        Assert.NotNull((await _fleet.Services.GetRequiredService<IFleetStore>().Users.FindAsync("op-lock", default))!.LockedUntil);
    }
}
