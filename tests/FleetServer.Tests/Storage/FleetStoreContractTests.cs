using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Privacy;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tests.Storage;

/// <summary>
/// What every <see cref="IFleetStore"/> must do. Each implementation derives one test class that says how to create
/// a fresh, migrated store and how to read stored rows back with raw SQL.
/// </summary>
public abstract partial class FleetStoreContractTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private IFleetStore? _store;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    protected CancellationToken Ct => _timeout.Token;

    /// <summary>The key the store seals personal data with (a new random one per test).</summary>
    protected PersonalDataCipher Cipher { get; } = new(RandomNumberGenerator.GetBytes(PersonalDataKey.Length));

    protected IFleetStore Store => _store ?? throw new InvalidOperationException("InitializeAsync has not run");

    /// <summary>A new store on fresh, empty storage, clocked by <see cref="Time"/>; not yet migrated.</summary>
    protected abstract Task<IFleetStore> CreateStoreAsync();

    /// <summary>The stored check-ins of one device, ordered by seq, read with raw SQL.</summary>
    protected abstract Task<IReadOnlyList<StoredCheckIn>> ReadCheckInsAsync(string deviceId);

    /// <summary>Runs SQL against the store's own storage, bypassing the store (to make an older schema).</summary>
    protected abstract Task ExecuteRawAsync(string sql);

    /// <summary>The first column of the first row of <paramref name="sql"/>, read bypassing the store.</summary>
    protected abstract Task<object?> ScalarRawAsync(string sql);

    /// <summary>A subject read with raw SQL, its sealed name and birth date opened with <see cref="Cipher"/>.</summary>
    protected CheckInSubject? Opened(CheckInSubject? subject, string deviceId, long seq) => subject is null ? null : subject with
    {
        Name = Cipher.Open(subject.Name, deviceId, seq)!,
        BirthDate = Cipher.Open(subject.BirthDate, deviceId, seq),
    };

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.MigrateAsync(Ct);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await CleanUpAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task MigrateAsync_SecondTime_KeepsDataAndSucceeds()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.StoreCheckInsAsync(TestCheckIns.Range("kiosk-1", 1, 3), Ct);

        await Store.MigrateAsync(Ct);

        var stats = await Store.GetStatsAsync(Ct);
        Assert.Equal((1, 3), (stats.Devices, stats.CheckIns));
    }

    [Fact]
    public async Task AddDeviceAsync_NewId_ReturnsTrueAndFindsItWithUtcCreatedAt()
    {
        var device = TestCheckIns.Device("kiosk-1", province: "HCM");

        Assert.True(await Store.AddDeviceAsync(device, Ct));

        var found = await Store.FindDeviceAsync("kiosk-1", Ct);
        Assert.Equal(device, found);
        Assert.Equal(TimeSpan.Zero, found!.CreatedAt.Offset);
    }

    [Fact]
    public async Task AddDeviceAsync_SameIdTwice_ReturnsFalseAndKeepsFirst()
    {
        var first = TestCheckIns.Device("kiosk-1", province: "HN");
        Assert.True(await Store.AddDeviceAsync(first, Ct));

        var added = await Store.AddDeviceAsync(first with { Province = "DN", SecretHash = "other" }, Ct);

        Assert.False(added);
        Assert.Equal(first, await Store.FindDeviceAsync("kiosk-1", Ct));
        Assert.Equal(1, (await Store.GetStatsAsync(Ct)).Devices);
    }

    [Fact]
    public async Task FindDeviceAsync_UnknownId_ReturnsNull()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);

        Assert.Null(await Store.FindDeviceAsync("kiosk-2", Ct));
        Assert.Null(await Store.FindDeviceAsync("KIOSK-1", Ct));
    }
}
