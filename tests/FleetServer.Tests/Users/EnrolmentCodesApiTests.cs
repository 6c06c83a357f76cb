using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tests.Users;

/// <summary>
/// Accounts from <c>users add</c> and the HTTP API for enrolment codes: only admins, operators and technicians, only in
/// their province; wrong passwords lock the account.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class EnrolmentCodesApiTests : IAsyncLifetime
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
    public async Task A_technician_creates_a_code_for_their_province_only()
    {
        var password = await AddUserAsync("tech-hn", UserRoles.Technician, "HN");

        var created = await PostAsync("tech-hn", password, new { province = "HN", site = "gate-1" });
        var elsewhere = await PostAsync("tech-hn", password, new { province = "SG", site = "gate-1" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(EnrolmentTicket.TryParse(body.GetProperty("ticket").GetString()!, out var ticket));
        Assert.Equal(body.GetProperty("codeId").GetString(), ticket.CodeId);
        Assert.Equal("HN", body.GetProperty("province").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Roles_without_enrolment_rights_and_strangers_are_refused()
    {
        var tracer = await AddUserAsync("tracer-1", UserRoles.Tracer, null);
        var admin = await AddUserAsync("admin-1", UserRoles.Admin, null);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync("tracer-1", tracer, new { province = "HN", site = "s" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(null, null, new { province = "HN", site = "s" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("nobody", "whatever-password", new { province = "HN", site = "s" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("admin-1", admin, new { province = "SG", site = "s" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("admin-1", admin, new { province = "S G", site = "s" })).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var password = await AddUserAsync("op-1", UserRoles.Operator, null);

        for (var i = 0; i < PasswordCheck.MaxAttempts; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("op-1", "wrong-password-" + i, new { province = "HN", site = "s" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("op-1", password, new { province = "HN", site = "s" })).StatusCode);
    }

    [Fact]
    public async Task Users_add_sets_a_piped_password_refuses_short_ones_duplicates_and_unknown_roles()
    {
        Assert.Equal(0, await UsersAsync(["add", "--name", "piped", "--role", "operator", "--province", "HN"], "a-long-enough-password\n"));
        Assert.Equal(2, await UsersAsync(["add", "--name", "short", "--role", "operator"], "short\n"));
        Assert.Equal(1, await UsersAsync(["add", "--name", "piped", "--role", "operator"], "another-long-password\n"));
        Assert.Equal(2, await UsersAsync(["add", "--name", "x", "--role", "root"], null));

        Assert.Equal(HttpStatusCode.Created, (await PostAsync("piped", "a-long-enough-password", new { province = "HN", site = "s" })).StatusCode);
    }

    private async Task<string> AddUserAsync(string name, string role, string? province)
    {
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            string[] args = province is null ? ["add", "--name", name, "--role", role] : ["add", "--name", name, "--role", role, "--province", province];
            Assert.Equal(0, await UsersCommand.RunAsync(args, Configuration(), TimeProvider.System, new StringReader(""), stdinRedirected: false));
        }
        finally
        {
            Console.SetOut(previous);
        }

        return output.ToString().Trim().Split('\n')[^1].Trim(); // "password (shown once):" then the password
    }

    private Task<int> UsersAsync(string[] args, string? stdin) =>
        UsersCommand.RunAsync(args, Configuration(), TimeProvider.System, new StringReader(stdin ?? ""), stdinRedirected: stdin is not null);

    private IConfiguration Configuration() =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = _fleet.DatabasePath }).Build();

    private async Task<HttpResponseMessage> PostAsync(string? user, string? password, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{_fleet.HttpPort}/api/enrolment-codes") { Content = JsonContent.Create(body) };
        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return await _http.SendAsync(request);
    }
}

/// <summary>Tests that redirect <see cref="Console.Out"/> do not run in parallel.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
