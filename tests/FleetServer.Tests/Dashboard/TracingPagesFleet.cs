using Microsoft.AspNetCore.Identity;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tests.Dashboard;

/// <summary>
/// The dashboard fleet (<see cref="DashboardFleet"/>) plus what the tracing pages need: tracers (every province, and
/// one of a province with no devices), an auditor, an operator, and check-ins carrying a person subject.
/// </summary>
public sealed class TracingPagesFleet : IAsyncLifetime
{
    public const string Password = "tracing-pages-password";
    public const string Alice = "pk-alice";
    public const string AliceName = "Nguyễn Thị Ánh";
    public const string Binh = "pk-binh";

    public DashboardFleet Inner { get; } = new();

    public string Url => Inner.Url;

    /// <summary>When Alice was at site-1 (device hn-1): five hours ago, away from the dashboard seed's check-ins there (the last 150 minutes).</summary>
    public DateTimeOffset AliceAt { get; } = DateTimeOffset.UtcNow.AddHours(-5);

    public async Task InitializeAsync()
    {
        await Inner.InitializeAsync();
        var store = Inner.Store;
        var now = DateTimeOffset.UtcNow;
        var hasher = new PasswordHasher<string>();
        foreach (var (name, role, province) in new[] { ("tracer", UserRoles.Tracer, (string?)null), ("tracer-sg", UserRoles.Tracer, "SG"), ("auditor", UserRoles.Auditor, null), ("operator", UserRoles.Operator, null) })
        {
            await store.Users.AddAsync(new UserRecord(name, role, province, hasher.HashPassword(name, Password), 0, null), now, default);
        }

        await store.StoreCheckInsAsync(
        [
            Visit("hn-1", 101, "site-1", AliceAt, Alice, AliceName),
            Visit("hn-2", 102, "site-1", AliceAt.AddMinutes(10), Binh, "Trần Văn Bình"),
            Visit("dn-1", 103, "site-1", now.AddDays(-3), Alice, AliceName),
            Visit("hn-1", 104, "site-1", now.AddDays(-20), Alice, AliceName),
        ], default);
    }

    public Task DisposeAsync() => Inner.DisposeAsync();

    private static CheckInRecorded Visit(string device, long seq, string site, DateTimeOffset at, string person, string name) =>
        new(Ulid.NewUlid().ToString(), seq, device, site, at, CodeFormats.Dcc, "accepted", $"hash-{seq}", new CheckInSubject(person, name, "1990-02-03", null));
}
