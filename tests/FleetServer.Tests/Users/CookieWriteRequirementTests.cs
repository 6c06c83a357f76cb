using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tests.Users;

/// <summary>
/// A write to the API authenticated by the dashboard's cookie needs <c>X-Requested-With</c> (a forged cross-site form
/// cannot send it); reads with the cookie, and HTTP Basic writes, do not.
/// </summary>
public sealed class CookieWriteRequirementTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private RunningFleet _fleet = null!;
    private string _cookie = "";
    private string _password = "";

    public async Task InitializeAsync()
    {
        _fleet = await RunningFleet.StartAsync();
        await _fleet.AddDeviceAsync("kiosk-1", "HN");
        _password = await _fleet.AddUserAsync("op-cookie", UserRoles.Operator, null);
        _cookie = await CookieAsync("op-cookie", _password);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fleet.DisposeAsync();
    }

    [Fact]
    public async Task A_cookie_write_without_the_header_is_refused_with_it_accepted()
    {
        using var forged = await SendAsync(HttpMethod.Post, "/api/devices/kiosk-1/commands", cookie: true, header: false);
        using var fromDashboard = await SendAsync(HttpMethod.Post, "/api/devices/kiosk-1/commands", cookie: true, header: true);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fromDashboard.StatusCode);
        var commands = await _fleet.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/devices/kiosk-1/commands");
        Assert.Equal(1, commands.GetArrayLength()); // the forged one queued nothing
    }

    [Fact]
    public async Task Cookie_reads_and_basic_writes_need_no_header()
    {
        using var read = await SendAsync(HttpMethod.Get, "/api/devices/kiosk-1/commands", cookie: true, header: false);
        using var basic = await SendAsync(HttpMethod.Post, "/api/devices/kiosk-1/commands", cookie: false, header: false);
        using var none = await SendAsync(HttpMethod.Post, "/api/devices/kiosk-1/commands", cookie: false, header: false, basic: false);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Created, basic.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    /// <summary>The cookie the dashboard's sign-in issues: the same <see cref="PasswordCheck"/> identity, protected by the app's cookie options.</summary>
    private async Task<string> CookieAsync(string name, string password)
    {
        var (identity, refusal) = await _fleet.Services.GetRequiredService<PasswordCheck>().CheckAsync(name, password, UsersExtensions.CookieScheme, default);
        Assert.True(identity is not null, refusal);
        var options = _fleet.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(UsersExtensions.CookieScheme);
        var ticket = new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(identity), UsersExtensions.CookieScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, bool cookie, bool header, bool basic = true)
    {
        using var request = new HttpRequestMessage(method, $"http://127.0.0.1:{_fleet.HttpPort}{path}");
        if (cookie)
        {
            request.Headers.Add("Cookie", _cookie);
        }
        else if (basic)
        {
            request.Headers.Authorization = FleetAccounts.Basic("op-cookie", _password);
        }

        if (header)
        {
            request.Headers.Add(CookieWriteRequirement.HeaderName, "fetch");
        }

        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { name = "reboot" });
        }

        return await _http.SendAsync(request);
    }
}
