using System.Net;
using System.Text.Json;
using ScanPoint.FleetServer.Api;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Tests.Users;

namespace ScanPoint.FleetServer.Tests.Api;

/// <summary><c>GET /openapi/v1.json</c>: anonymous, valid JSON, every <c>/api</c> endpoint of the app in it with its method, and the sign-in schemes.</summary>
public sealed class FleetOpenApiTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private RunningFleet _fleet = null!;

    public async Task InitializeAsync() => _fleet = await RunningFleet.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fleet.DisposeAsync();
    }

    [Fact]
    public async Task The_document_is_anonymous_and_lists_every_api_endpoint_with_the_sign_in_schemes()
    {
        using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{_fleet.HttpPort}/openapi/v1.json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = root.GetProperty("paths");

        var api = RoleMatrixTests.Endpoints(_fleet.Services).Where(e => e.Key.Split(' ')[1].StartsWith("/api/", StringComparison.Ordinal)).Select(e => e.Key).ToList();
        Assert.NotEmpty(api);
        var missing = api.Where(key =>
        {
            var (method, route) = (key.Split(' ')[0].ToLowerInvariant(), key.Split(' ')[1]);
            return !paths.TryGetProperty(route, out var item) || !item.TryGetProperty(method, out _);
        }).ToList();
        Assert.True(missing.Count == 0, "not in the OpenAPI document: " + string.Join(", ", missing));

        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("basic", schemes.GetProperty(FleetOpenApi.BasicScheme).GetProperty("scheme").GetString());
        Assert.Equal("cookie", schemes.GetProperty(FleetOpenApi.CookieScheme).GetProperty("in").GetString());
        var stats = paths.GetProperty("/api/stats").GetProperty("get");
        Assert.False(string.IsNullOrEmpty(stats.GetProperty("summary").GetString()));
        Assert.Equal("Stats", stats.GetProperty("operationId").GetString());
    }
}
