using Microsoft.Extensions.DependencyInjection;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Management;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.FleetServer.Sites;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tests.Users;

/// <summary>
/// The fleet the role matrix runs on: an in-process <see cref="RunningFleet"/> with, per province, a device, a device to
/// revoke, an open alert and a command with logs, a device at a site of its own with a check-in of <see cref="Person"/>,
/// the site in the registry, an exposure there, an enrolment code and a dead letter; and one account per role × {every province, <see cref="Own"/>,
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

    /// <summary>A device at a site of its own (tracing needs a site in one province only).</summary>
    public static string Gate(string province) => "gate-" + province.ToLowerInvariant();

    public static string Site(string province) => "gate-site-" + province.ToLowerInvariant();

    /// <summary>The person checked in at both provinces' gates half an hour ago.</summary>
    public const string Person = "person-matrix";

    /// <summary>Moves every relay outbox entry to dead letters (the replay row puts them back).</summary>
    public async Task DeadLetterAllAsync()
    {
        var store = Fleet.Services.GetRequiredService<IFleetStore>();
        var pending = await store.PendingRelayAsync(1000, 0, default);
        await store.CompleteRelayAsync([], [.. pending.Select(e => new RelayRejected(e.OutboxId, "MATRIX", "sample dead letter"))], DateTimeOffset.UtcNow, default);
    }

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
            await Fleet.AddDeviceAsync(Gate(p), p, Site(p));
            await store.StoreCheckInsAsync(
                [new CheckInRecorded($"01JMATRIX{p}00000001", 1, Gate(p), Site(p), now.AddMinutes(-30), CodeFormats.Dcc, "accepted", "hash-" + p, new CheckInSubject(Person, "Matrix Person", "1985-07-09", null))],
                default);
            await store.Sites.UpsertAsync([new SiteRecord(Site(p), p, "District " + p, "Gate " + p, null, null)], default);
            await store.Tracing.AddExposureAsync(Site(p), p, now.AddHours(-2), now, "matrix", "seed", now, default);
            await Fleet.Services.GetRequiredService<EnrolmentService>().CreateAsync(p, Site(p), default);
        }

        await DeadLetterAllAsync();

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
