using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Tests.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tests.Tracing;

/// <summary>The tracing and audit HTTP API on a real in-process fleet (SQLite), signed in with HTTP Basic.</summary>
public sealed class TracingApiTests : IAsyncLifetime
{
    private const string Password = "a-long-enough-password";
    private readonly HttpClient _http = new();
    private readonly DateTimeOffset _t0 = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-1).AddHours(8);
    private RunningFleet _fleet = null!;

    private IFleetStore Store => _fleet.Services.GetRequiredService<IFleetStore>();

    public async Task InitializeAsync()
    {
        _fleet = await RunningFleet.StartAsync();
        await Store.AddDeviceAsync(TestCheckIns.Device("hn-1", province: "HN") with { SiteId = "cafe" }, default);
        await Store.AddDeviceAsync(TestCheckIns.Device("sg-1", province: "SG") with { SiteId = "market" }, default);
        await Store.StoreCheckInsAsync(
        [
            Visit("hn-1", 1, "cafe", 0, "alice", "Trần Thị Alice"),
            Visit("hn-1", 2, "cafe", 30, "bob", "=cmd|' /C calc'!A0"),
            Visit("hn-1", 3, "cafe", 150, "carol", "Carol, \"the\" Third"),
            Visit("sg-1", 1, "market", 60, "alice", "Trần Thị Alice"),
        ], default);
        foreach (var (name, role, province) in new[] { ("tracer", UserRoles.Tracer, (string?)null), ("tracer-hn", UserRoles.Tracer, "HN"), ("auditor", UserRoles.Auditor, null), ("operator", UserRoles.Operator, null) })
        {
            await Store.Users.AddAsync(new UserRecord(name, role, province, new PasswordHasher<string>().HashPassword(name, Password), 0, null), DateTimeOffset.UtcNow, default);
        }
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fleet.DisposeAsync();
    }

    [Fact]
    public async Task Person_Tracer_VisitsWithOpenedNamesAndAnAuditEntryWithTheRowCount()
    {
        var response = await GetAsync("tracer", $"/api/tracing/person?key=alice&from={At(-60)}&to={At(24 * 60)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var visits = body.GetProperty("visits").EnumerateArray().ToList();
        Assert.Equal(["cafe", "market"], visits.Select(v => v.GetProperty("site").GetString()));
        Assert.Equal(["HN", "SG"], visits.Select(v => v.GetProperty("province").GetString()));
        Assert.Equal("Trần Thị Alice", visits[0].GetProperty("name").GetString());
        Assert.Equal("1985-07-09", visits[0].GetProperty("birthDate").GetString());
        var entry = Assert.Single(await AuditAsync("tracer"));
        Assert.Equal(("tracer", "tracer", "tracing.person", 2), (entry.GetProperty("userName").GetString(), entry.GetProperty("role").GetString(), entry.GetProperty("action").GetString(), entry.GetProperty("rows").GetInt32()));
        var parameters = entry.GetProperty("parameters").GetString()!;
        Assert.Contains("\"key\":\"alice\"", parameters, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", parameters, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Person_DefaultWindow_LastFourteenDays()
    {
        var body = await (await GetAsync("tracer", "/api/tracing/person?key=alice")).Content.ReadFromJsonAsync<JsonElement>();

        var window = body.GetProperty("to").GetDateTimeOffset() - body.GetProperty("from").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(14), window);
        Assert.Equal(2, body.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task ProvinceTracer_SeesOnlyTheirProvinceAndIsRefusedOtherSites()
    {
        var person = await (await GetAsync("tracer-hn", $"/api/tracing/person?key=alice&from={At(-60)}&to={At(600)}")).Content.ReadFromJsonAsync<JsonElement>();
        var otherSite = await GetAsync("tracer-hn", $"/api/tracing/site?site=market&from={At(0)}&to={At(120)}");
        var unknownSite = await GetAsync("tracer-hn", $"/api/tracing/site?site=nowhere&from={At(0)}&to={At(120)}");

        Assert.Equal(["cafe"], person.GetProperty("visits").EnumerateArray().Select(v => v.GetProperty("site").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, otherSite.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownSite.StatusCode);
    }

    [Fact]
    public async Task Site_WithKey_CheckInsInTheWindowAndWhoOverlappedWithinTheHour()
    {
        var response = await GetAsync("tracer", $"/api/tracing/site?site=cafe&key=alice&from={At(-60)}&to={At(180)}");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["alice", "bob", "carol"], body.GetProperty("checkIns").EnumerateArray().Select(c => c.GetProperty("personKey").GetString()));
        var overlaps = body.GetProperty("overlaps");
        Assert.Equal(["bob"], overlaps.GetProperty("checkIns").EnumerateArray().Select(c => c.GetProperty("personKey").GetString()));
        Assert.Equal(1, overlaps.GetProperty("people").GetInt32());
        Assert.Equal(("tracing.site", 4), Summary(Assert.Single(await AuditAsync("tracer"))));
    }

    [Fact]
    public async Task PersonCsv_QuotedGuardedWithHeaderAndAuditedAsExport()
    {
        var response = await GetAsync("tracer", $"/api/tracing/site?site=cafe&from={At(0)}&to={At(180)}&format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("kind,site,province,device,at,verdict,person_key,name,birth_date", lines[0]);
        Assert.Equal($"check-in,cafe,HN,hn-1,{Instant(30)},accepted,bob,'=cmd|' /C calc'!A0,1985-07-09", lines[2]);
        Assert.EndsWith(",carol,\"Carol, \"\"the\"\" Third\",1985-07-09", lines[3], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        var entry = Assert.Single(await AuditAsync("tracer"));
        Assert.Equal(("tracing.export", 3), Summary(entry));
        Assert.Contains("\"export\":\"site\"", entry.GetProperty("parameters").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exposure_MarkedListedAndRiskCountsThePeopleInItsWindow()
    {
        var marked = await SendAsync("tracer-hn", HttpMethod.Post, "/api/tracing/exposures", new { site = "cafe", from = _t0, to = _t0.AddMinutes(60), note = "case 17" });
        var elsewhere = await SendAsync("tracer-hn", HttpMethod.Post, "/api/tracing/exposures", new { site = "market", from = _t0, to = _t0.AddMinutes(60) });

        Assert.Equal(HttpStatusCode.Created, marked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        var list = await (await GetAsync("tracer", "/api/tracing/exposures")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("cafe", "HN", "case 17"), (list[0].GetProperty("siteId").GetString(), list[0].GetProperty("province").GetString(), list[0].GetProperty("note").GetString()));
        var risk = (await (await GetAsync("tracer", "/api/tracing/risk")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("exposures")[0];
        Assert.Equal(2, risk.GetProperty("people").GetInt32());
        Assert.Equal(["alice", "bob"], risk.GetProperty("list").EnumerateArray().Select(p => p.GetProperty("personKey").GetString()));
        var csv = await (await GetAsync("tracer", "/api/tracing/risk?format=csv")).Content.ReadAsStringAsync();
        Assert.StartsWith("exposure,site,from,to,person_key,name,birth_date,first_at,last_at,check_ins\r\n", csv, StringComparison.Ordinal);
        Assert.Contains(",bob,'=cmd|' /C calc'!A0,", csv, StringComparison.Ordinal);
        var actions = (await AuditAsync(null)).Select(Summary).ToList();
        Assert.Equal([("tracing.export", 2), ("tracing.risk", 2), ("tracing.exposures", 1), ("tracing.exposure", 1)], actions);
    }

    [Theory]
    [InlineData("/api/tracing/person", "key is required")]
    [InlineData("/api/tracing/person?key=a%20b", "key is required")]
    [InlineData("/api/tracing/person?key=alice&from=2025-01-01T00:00:00Z&to=2025-02-15T00:00:00Z", "at most 31 days")]
    [InlineData("/api/tracing/person?key=alice&from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z", "from must be before to")]
    [InlineData("/api/tracing/person?key=alice&from=yesterday", "ISO 8601")]
    [InlineData("/api/tracing/person?key=alice&format=xml", "format is json")]
    [InlineData("/api/tracing/site?site=cafe&from=2025-01-01T00:00:00Z&to=2025-01-09T00:00:00Z", "at most 7 days")]
    [InlineData("/api/tracing/site?site=caf%C3%A9", "site is required")]
    [InlineData("/api/tracing/site?site=cafe&key=", "key is required")]
    public async Task BadInput_400WithAMessageAndNothingAudited(string path, string message)
    {
        var response = await GetAsync("tracer", path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(await AuditAsync(null));
    }

    [Fact]
    public async Task Roles_OnlyTracersTraceOnlyAuditorsReadTheAuditLog()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("operator", "/api/tracing/person?key=alice")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("auditor", "/api/tracing/person?key=alice")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(null, "/api/tracing/person?key=alice")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("tracer", "/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("auditor", "/api/audit?limit=501")).StatusCode);
    }

    [Fact]
    public async Task AuditLogUnwritable_503AndNoData()
    {
        using (var connection = new SqliteConnection($"Data Source={_fleet.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE audit_log RENAME TO audit_log_gone";
            command.ExecuteNonQuery();
        }

        var response = await GetAsync("tracer", "/api/tracing/person?key=alice");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain("Alice", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static (string?, int) Summary(JsonElement entry) => (entry.GetProperty("action").GetString(), entry.GetProperty("rows").GetInt32());

    private CheckInRecorded Visit(string device, long seq, string site, int minutes, string person, string name) => new(
        $"01JAPI{device.ToUpperInvariant()}{seq:D8}", seq, device, site, _t0.AddMinutes(minutes), CodeFormats.Dcc, "accepted", $"hash-{seq}",
        new CheckInSubject(person, name, "1985-07-09", null));

    private string At(int minutes) => Uri.EscapeDataString(_t0.AddMinutes(minutes).ToString("O", CultureInfo.InvariantCulture));

    private string Instant(int minutes) => _t0.AddMinutes(minutes).UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private async Task<List<JsonElement>> AuditAsync(string? user)
    {
        var response = await GetAsync("auditor", user is null ? "/api/audit" : $"/api/audit?user={user}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries").EnumerateArray()];
    }

    private Task<HttpResponseMessage> GetAsync(string? user, string path) => SendAsync(user, HttpMethod.Get, path, null);

    private async Task<HttpResponseMessage> SendAsync(string? user, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, $"http://127.0.0.1:{_fleet.HttpPort}{path}");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{Password}")));
        }

        return await _http.SendAsync(request);
    }
}
