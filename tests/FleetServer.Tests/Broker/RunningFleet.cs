using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Hosting;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.Users;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Broker;

/// <summary>A real fleet server in this process: Kestrel on loopback ports, embedded broker, SQLite in a temp folder.</summary>
internal sealed class RunningFleet : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("fleet");
    private readonly string[] _extraArgs;
    private WebApplication? _app;

    private RunningFleet(string[] extraArgs) => _extraArgs = extraArgs;

    public int MqttPort { get; } = FreePort.Next();

    public int HttpPort { get; } = FreePort.Next();

    public CapturingLoggerProvider Logs { get; } = new();

    public string DatabasePath => _dir.File("fleet.db");

    /// <summary>The password of <see cref="FleetAccounts.AdminName"/>, an administrator made at first start.</summary>
    public string AdminPassword { get; private set; } = "";

    /// <summary>A client of the HTTP endpoint (base address set) signed in as the administrator.</summary>
    public HttpClient Http { get; private set; } = new();

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("not started");

    /// <summary>The HTTPS endpoint (enrolment).</summary>
    public int HttpsPort { get; } = FreePort.Next();

    /// <summary>The broker's TLS endpoint (device certificates).</summary>
    public int MqttTlsPort { get; } = FreePort.Next();

    /// <summary>The fleet's temp folder (database, CA), for tests that put more there.</summary>
    public string Folder => _dir.Path;

    /// <param name="extraArgs">More configuration, e.g. <c>--Trust:Dir=…</c>.</param>
    public static async Task<RunningFleet> StartAsync(params string[] extraArgs)
    {
        var fleet = new RunningFleet(extraArgs);
        await fleet.StartAppAsync();
        return fleet;
    }

    /// <summary>Registers a device directly in the store, as <c>devices add</c> does, and returns its credential.</summary>
    public async Task<DeviceCredential> AddDeviceAsync(string id, string province = "HN", string site = "site-1")
    {
        var credential = DeviceCredential.Create(id, province, site);
        await using var store = await FleetStoreFactory.OpenAsync(new StorageOptions { SqlitePath = DatabasePath }, CancellationToken.None);
        await store.AddDeviceAsync(new DeviceRecord(id, province, site, DeviceCredential.HashSecret(credential.Secret), DateTimeOffset.UnixEpoch), CancellationToken.None);
        return credential;
    }

    public async Task<JsonElement> StatsAsync() =>
        await Http.GetFromJsonAsync<JsonElement>("/api/stats");

    public async Task<long> CheckInsAsync() => (await StatsAsync()).GetProperty("checkIns").GetInt64();

    public async Task<long> IngestCounterAsync(string name) => (await StatsAsync()).GetProperty("ingest").GetProperty(name).GetInt64();

    public async Task RestartAsync()
    {
        await StopAppAsync();
        await StartAppAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAppAsync();
        Http.Dispose();
        _dir.Dispose();
    }

    private async Task StartAppAsync()
    {
        _app = FleetServerApp.Build(
            [$"--Storage:SqlitePath={DatabasePath}", $"--Mqtt:Port={MqttPort}", $"--Http:Port={HttpPort}", $"--Enrolment:CaDir={Path.Combine(Path.GetDirectoryName(DatabasePath)!, "ca")}", $"--Enrolment:HttpsPort={HttpsPort}", $"--Mqtt:TlsPort={MqttTlsPort}", "--Mqtt:RevocationCheckInterval=00:00:01", "--Retention:Days=3650", .. _extraArgs],
            b => b.Logging.AddProvider(Logs));
        await _app.StartAsync();
        if (AdminPassword.Length == 0)
        {
            AdminPassword = await FleetAccounts.AddAdminAsync(_app.Services.GetRequiredService<IFleetStore>());
            Http.Dispose();
            Http = FleetAccounts.Client(HttpPort, FleetAccounts.AdminName, AdminPassword);
        }
    }

    /// <summary>Adds an account to this fleet's store and returns its password.</summary>
    public Task<string> AddUserAsync(string name, string role, string? province) =>
        FleetAccounts.AddAsync(Services.GetRequiredService<IFleetStore>(), name, role, province);

    private async Task StopAppAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
