using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Sites;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Dashboard;

/// <summary>
/// A running fleet (real Kestrel, SQLite file) seeded through its store with users, sites, devices, presence, heartbeats
/// and check-ins, plus one headless Chromium; shared by a test class.
/// </summary>
public sealed class DashboardFleet : IAsyncLifetime
{
    public const string AdminPassword = "admin-password-123";
    public const string HanoiPassword = "hanoi-password-123";

    internal RunningFleet Fleet { get; private set; } = null!;

    public HeadlessChromium Chromium { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public string Url => $"http://127.0.0.1:{Fleet.HttpPort}";

    public IFleetStore Store => Fleet.Services.GetRequiredService<IFleetStore>();

    public async Task InitializeAsync()
    {
        Fleet = await RunningFleet.StartAsync("--Dashboard:SnapshotMaxAge=00:00:00");
        Chromium = await HeadlessChromium.LaunchAsync();
        await SeedAsync(Store, DateTimeOffset.UtcNow);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Chromium.DisposeAsync();
        await Fleet.DisposeAsync();
    }

    /// <summary>A GET with HTTP Basic as <paramref name="name"/>.</summary>
    public async Task<HttpResponseMessage> GetAsync(string path, string name = "admin", string password = AdminPassword)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Url + path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{password}")));
        return await Http.SendAsync(request);
    }

    /// <summary>A GET of JSON with HTTP Basic as the administrator.</summary>
    public async Task<System.Text.Json.JsonElement> GetFromJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
    }

    private static async Task SeedAsync(IFleetStore store, DateTimeOffset now)
    {
        var ct = CancellationToken.None;
        var hasher = new PasswordHasher<string>();
        await store.Users.AddAsync(new UserRecord("admin", "admin", null, hasher.HashPassword("admin", AdminPassword), 0, null), now, ct);
        await store.Users.AddAsync(new UserRecord("hanoi", "technician", "HN", hasher.HashPassword("hanoi", HanoiPassword), 0, null), now, ct);
        await store.Sites.UpsertAsync(
            [
                new SiteRecord("site-1", "HN", "Ba Dinh", "Phường Ba Đình", 21.034, 105.814),
                new SiteRecord("site-2", "HN", "Cau Giay", "Cầu Giấy", 21.033, 105.790),
                new SiteRecord("site-1", "DN", "Hai Chau", "Hải Châu", 16.060, 108.220),
            ],
            ct);
        var created = now.AddDays(-30);
        foreach (var (id, province, site) in new[] { ("hn-1", "HN", "site-1"), ("hn-2", "HN", "site-1"), ("hn-3", "HN", "site-2"), ("hn-4", "HN", "site-9"), ("dn-1", "DN", "site-1"), ("dn-2", "DN", "site-1") })
        {
            await store.AddDeviceAsync(new DeviceRecord(id, province, site, "", created), ct);
        }

        foreach (var id in new[] { "hn-1", "hn-2", "dn-1" })
        {
            await store.RecordPresenceAsync(id, new DevicePresence("online", 1, now.AddHours(-1)), ct);
        }

        await store.RecordPresenceAsync("hn-4", new DevicePresence("offline", 1, now.AddHours(-2)), ct);
        for (var i = 12; i >= 0; i--)
        {
            var at = now.AddMinutes(-i * 5);
            await store.RecordHeartbeatAsync("hn-1", Beat(at, cpu: 50 + i, pending: i % 4, offset: 0.2 * i, trustAge: 3600), at, ct);
        }

        // hn-2: clock off by two minutes and a trust bundle ten days old.
        await store.RecordHeartbeatAsync("hn-2", Beat(now, cpu: 60, pending: 0, offset: 120, trustAge: 10 * 86400), now, ct);
        await store.RecordHeartbeatAsync("dn-1", Beat(now, cpu: 55, pending: 0, offset: 0.1, trustAge: 7200), now, ct);
        await store.StoreCheckInsAsync([.. CheckIns("hn-1", "site-1", now, 5), .. CheckIns("dn-1", "site-1", now.AddDays(-10), 3)], ct);
    }

    private static HeartbeatReported Beat(DateTimeOffset at, double cpu, long pending, double offset, double trustAge) =>
        new(1, 1, at, 3600, cpu, 900, 1000, 500, 200, pending, pending > 0 ? 30 : null, 3, trustAge, offset, 2, 0);

    private static IEnumerable<CheckInRecorded> CheckIns(string device, string site, DateTimeOffset at, int count) =>
        Enumerable.Range(1, count).Select(i => new CheckInRecorded(Ulid.NewUlid().ToString(), i, device, site, at.AddMinutes(-i * 30), "DCC", "accepted", "hash" + i));
}
