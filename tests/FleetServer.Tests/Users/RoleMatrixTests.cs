using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.External;
using ScanPoint.FleetServer.Users;
using static ScanPoint.FleetServer.Tests.Users.RoleMatrixFleet;

namespace ScanPoint.FleetServer.Tests.Users;

/// <summary>
/// The role matrix: every endpoint the app maps has a row in <see cref="RoleMatrix"/> with the policy it really
/// carries, and every row × every caller (anonymous; each role for every province, for <see cref="RoleMatrixFleet.Own"/>
/// and for <see cref="RoleMatrixFleet.Other"/>) × a sample in each province answers as the policy and the province say:
/// 401 anonymous, 403 for a role outside the policy or a target in another province, the row's success otherwise, and
/// lists holding only the provinces the caller may see.
/// </summary>
public sealed class RoleMatrixTests(RoleMatrixFleet matrix) : IClassFixture<RoleMatrixFleet>, IDisposable
{
    private readonly HttpClient _http = new();

    public static TheoryData<string> RowKeys => [.. RoleMatrix.Rows.Where(r => r.Route != RoleMatrix.ExternalBrokerRoute).Select(r => r.Key)];

    public void Dispose() => _http.Dispose();

    /// <summary>The app's endpoints as "METHOD route" (Razor pages left out: they have browser tests of their own).</summary>
    internal static IReadOnlyList<(string Key, Endpoint Endpoint)> Endpoints(IServiceProvider services)
    {
        var all = services.GetRequiredService<EndpointDataSource>().Endpoints;
        var notRoutes = all.Where(e => e is not RouteEndpoint).Select(e => e.DisplayName).ToList();
        Assert.True(notRoutes.Count == 0, "endpoints without a route: " + string.Join(", ", notRoutes));
        return [.. all.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => ($"{m} {e.RoutePattern.RawText}", (Endpoint)e)))];
    }

    [Fact]
    public void Every_endpoint_has_a_row_with_the_policy_it_carries_and_every_row_an_endpoint()
    {
        var rows = RoleMatrix.Rows.ToDictionary(r => r.Key);
        var endpoints = Endpoints(matrix.Fleet.Services);
        List<string> problems = [];
        foreach (var (key, endpoint) in endpoints)
        {
            if (!rows.TryGetValue(key, out var row))
            {
                problems.Add($"{key}: no row in RoleMatrix.Rows (add one with its policy and a request that succeeds)");
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (row.Policy is null && !anonymous)
            {
                problems.Add($"{key}: the row says anonymous, the endpoint lacks .AllowAnonymous() (policies: {string.Join(", ", policies)})");
            }
            else if (row.Policy is not null && (anonymous || policies is not [var only] || only != row.Policy))
            {
                problems.Add($"{key}: the row says {row.Policy}, the endpoint has [{string.Join(", ", policies)}]{(anonymous ? " and AllowAnonymous" : "")}");
            }
        }

        var mapped = endpoints.Select(e => e.Key).ToHashSet();
        problems.AddRange(RoleMatrix.Rows.Where(r => r.Route != RoleMatrix.ExternalBrokerRoute && !mapped.Contains(r.Key)).Select(r => $"{r.Key}: a row for an endpoint the app does not map"));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(RowKeys))]
    public async Task Each_caller_gets_what_the_policy_and_the_province_allow(string key)
    {
        var row = RoleMatrix.Rows.Single(r => r.Key == key);
        List<string> problems = [];
        foreach (var caller in matrix.Callers)
        {
            foreach (var province in row.Rule == ProvinceRule.Target ? Provinces : [Own])
            {
                if (row.Arrange is { } arrange)
                {
                    await arrange(matrix);
                }

                using var response = await SendAsync(row, caller, province);
                var body = await response.Content.ReadAsStringAsync();
                var expected = Expected(row, caller, province);
                if (response.StatusCode != expected)
                {
                    problems.Add($"{caller} {row.Method} {row.Path(province)}: {(int)response.StatusCode} {Clip(body)}; expected {(int)expected}");
                }
                else if (row.Rule == ProvinceRule.List && row.Policy is not null && caller.Holds(row.Policy))
                {
                    problems.AddRange(Provinces.Where(p => body.Contains(row.ListMarker!(p), StringComparison.Ordinal) != caller.MaySee(p))
                        .Select(p => $"{caller} {row.Method} {row.Path(province)}: {(caller.MaySee(p) ? "lacks" : "shows")} {row.ListMarker!(p)}"));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task External_broker_counters_need_the_view_policy_in_any_province()
    {
        await using var fleet = await ExternalFleet.StartAsync();
        var store = fleet.Services.GetRequiredService<IFleetStore>();
        var row = RoleMatrix.Rows.Single(r => r.Route == RoleMatrix.ExternalBrokerRoute);
        var endpoint = Endpoints(fleet.Services).Single(e => e.Key == row.Key).Endpoint;
        Assert.Equal([row.Policy], endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy));

        MatrixCaller[] callers =
        [
            MatrixCaller.Anonymous,
            new("ext-tracer", await FleetAccounts.AddAsync(store, "ext-tracer", UserRoles.Tracer, null), UserRoles.Tracer, null),
            new("ext-auditor", await FleetAccounts.AddAsync(store, "ext-auditor", UserRoles.Auditor, null), UserRoles.Auditor, null),
            new("ext-tech-sg", await FleetAccounts.AddAsync(store, "ext-tech-sg", UserRoles.Technician, Other), UserRoles.Technician, Other),
            new("ext-operator", await FleetAccounts.AddAsync(store, "ext-operator", UserRoles.Operator, null), UserRoles.Operator, null),
        ];
        foreach (var caller in callers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{fleet.HttpPort}{row.Path(Own)}");
            request.Headers.Authorization = caller.Authorization;
            using var response = await _http.SendAsync(request);
            Assert.True(Expected(row, caller, Own) == response.StatusCode, $"{caller}: {response.StatusCode}");
        }
    }

    internal static HttpStatusCode Expected(MatrixRow row, MatrixCaller caller, string province) =>
        row.Policy is null ? row.Success
        : caller.Name is null ? HttpStatusCode.Unauthorized
        : !caller.Holds(row.Policy) ? HttpStatusCode.Forbidden
        : row.Rule == ProvinceRule.Target && !caller.MaySee(province) ? HttpStatusCode.Forbidden
        : row.Success;

    private async Task<HttpResponseMessage> SendAsync(MatrixRow row, MatrixCaller caller, string province)
    {
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), $"http://127.0.0.1:{matrix.Fleet.HttpPort}{row.Path(province)}");
        request.Headers.Authorization = caller.Authorization;
        if (row.Body?.Invoke(province) is { } body)
        {
            request.Content = JsonContent.Create(body, body.GetType());
        }

        return await _http.SendAsync(request);
    }

    private static string Clip(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
