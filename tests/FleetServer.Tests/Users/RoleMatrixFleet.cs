using Microsoft.Extensions.DependencyInjection;
using ScanPoint.Contracts.Management;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tests.Users;

/// <summary>
/// The fleet the role matrix runs on: an in-process <see cref="RunningFleet"/> with, per province, a device, a device to
/// revoke, an open alert and a command with logs; and one account per role × {every province, <see cref="Own"/>,
/// <see cref="Other"/>}, plus the anonymous caller.
/// </summary>
public sealed class RoleMatrixFleet : IAsyncLifetime
{
    public const string Own = "HN";
    public const string Other = "SG";

    public static readonly IReadOnlyList<string> Provinces = [Own, Other];

    internal RunningFleet Fleet { get; private set; } = null!;

    /// <summary>Anonymous first, then every role in every scope.</summary>
    public IReadOnlyList<MatrixCaller> Callers { get; private set; } = [];

    public static string Kiosk(string province) => "kiosk-" + province.ToLowerInvariant();

    public static string Gone(string province) => "gone-" + province.ToLowerInvariant();

    public static string Command(string province) => "c-logs-" + province.ToLowerInvariant();

    public async Task InitializeAsync()
    {
        Fleet = await RunningFleet.StartAsync();
        var store = Fleet.Services.GetRequiredService<IFleetStore>();
        var now = DateTimeOffset.UtcNow;
        foreach (var p in Provinces)
        {
            await Fleet.AddDeviceAsync(Kiosk(p), p);
            await Fleet.AddDeviceAsync(Gone(p), p);
            await store.Management.RecordAlertAsync(Kiosk(p), new AlertChanged(AlertChanged.SchemaVersion, 1, "disk-full", AlertChanged.Raised, "98%", now), now, default);
            await store.Management.AddCommandAsync(Command(p), Kiosk(p), CommandIssued.UploadLogs, now, now.AddHours(1), default);
            Assert.True(await store.Management.SaveCommandLogsAsync(Kiosk(p), Command(p), "line 1\nline 2", default));
        }

        List<MatrixCaller> callers = [MatrixCaller.Anonymous];
        foreach (var role in UserRoles.All)
        {
            foreach (var province in (string?[])[null, Own, Other])
            {
                var name = $"{role}-{province?.ToLowerInvariant() ?? "all"}";
                callers.Add(new MatrixCaller(name, await FleetAccounts.AddAsync(store, name, role, province), role, province));
            }
        }

        Callers = callers;
    }

    public async Task DisposeAsync() => await Fleet.DisposeAsync();
}
