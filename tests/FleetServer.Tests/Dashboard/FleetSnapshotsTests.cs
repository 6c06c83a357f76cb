using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.FleetServer.Dashboard;
using ScanPoint.FleetServer.Health;
using ScanPoint.FleetServer.Storage;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Dashboard;

/// <summary>When the dashboard derives afresh, reuses, or serves a stale derivation while refreshing (a real SQLite store).</summary>
public sealed class FleetSnapshotsTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("snapshots");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private SqliteFleetStore _store = null!;
    private int _devices;

    public async Task InitializeAsync()
    {
        _store = new SqliteFleetStore(_dir.File("fleet.db"), _time);
        await _store.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task CurrentAsync_MaxAgeZero_DerivesOnEveryCall()
    {
        using var snapshots = Snapshots(TimeSpan.Zero);
        await AddDeviceAsync();
        Assert.Single((await snapshots.CurrentAsync(CancellationToken.None)).Devices);

        await AddDeviceAsync();

        Assert.Equal(2, (await snapshots.CurrentAsync(CancellationToken.None)).Devices.Count);
    }

    [Fact]
    public async Task CurrentAsync_FreshThenStaleThenTooOld_ReusesRefreshesInBackgroundThenWaits()
    {
        using var snapshots = Snapshots(TimeSpan.FromSeconds(5));
        await AddDeviceAsync();
        var first = await snapshots.CurrentAsync(CancellationToken.None);
        await AddDeviceAsync();

        Assert.Same(first, await snapshots.CurrentAsync(CancellationToken.None)); // fresh: reused

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Same(first, await snapshots.CurrentAsync(CancellationToken.None)); // stale: served, refresh started
        await Eventually.TrueAsync(async () => (await snapshots.CurrentAsync(CancellationToken.None)).Devices.Count == 2, TimeSpan.FromSeconds(10), "the background refresh");

        await AddDeviceAsync();
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(3, (await snapshots.CurrentAsync(CancellationToken.None)).Devices.Count); // too old: waited for
    }

    private FleetSnapshots Snapshots(TimeSpan maxAge) => new(
        _store,
        Options.Create(new HealthOptions()),
        Options.Create(new DashboardOptions { SnapshotMaxAge = maxAge, SnapshotMaxStale = TimeSpan.FromSeconds(60) }),
        _time,
        NullLogger<FleetSnapshots>.Instance);

    private Task AddDeviceAsync() =>
        _store.AddDeviceAsync(new DeviceRecord($"kiosk-{++_devices}", "HN", "site-1", "", _time.GetUtcNow()), CancellationToken.None);
}
