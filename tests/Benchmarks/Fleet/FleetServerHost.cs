using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Hosting;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.Benchmarks.Fleet;

/// <summary>The real fleet server (<see cref="FleetServerApp"/>) in this process, on loopback ports of its own.</summary>
internal sealed class FleetServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private FleetServerHost(WebApplication app, int mqttPort, int httpPort, AuthenticationHeaderValue admin)
    {
        (_app, MqttPort) = (app, mqttPort);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), DefaultRequestHeaders = { Authorization = admin } };
    }

    public int MqttPort { get; }

    /// <summary>Registers the devices in the store, as <c>fleet-server devices add</c> does (the store keeps the hash).</summary>
    public static async Task RegisterAsync(FleetStorage storage, IEnumerable<DeviceCredential> devices, CancellationToken cancellationToken)
    {
        var store = await FleetStoreFactory.OpenAsync(storage.Options, cancellationToken);
        await using (store)
        {
            foreach (var c in devices)
            {
                var record = new DeviceRecord(c.DeviceId, c.Province, c.SiteId, DeviceCredential.HashSecret(c.Secret), TimeProvider.System.GetUtcNow());
                if (!await store.AddDeviceAsync(record, cancellationToken))
                {
                    throw new InvalidOperationException($"device {c.DeviceId} is already registered");
                }
            }
        }
    }

    /// <param name="extraArgs">More configuration, e.g. <c>--Relay:Url=…</c>.</param>
    public static async Task<FleetServerHost> StartAsync(FleetStorage storage, CancellationToken cancellationToken, params string[] extraArgs)
    {
        var (mqttPort, httpPort) = (FreePort.Pick(), FreePort.Pick());
        string[] args =
        [
            .. storage.Args,
            $"--Mqtt:Port={mqttPort}",
            $"--Http:Port={httpPort}",
            $"--Enrolment:CaDir={Path.Combine(Path.GetTempPath(), "scanpoint-bench-ca")}",
            "--Enrolment:HttpsPort=0",
            "--Mqtt:TlsPort=0",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = FleetServerApp.Build(args);
        await app.StartAsync(cancellationToken);
        return new FleetServerHost(app, mqttPort, httpPort, await AddAdminAsync(app.Services.GetRequiredService<IFleetStore>(), cancellationToken));
    }

    /// <summary>
    /// An administrator of a fresh name (a PostgreSQL schema may be reused) for reading <c>/api/stats</c> with HTTP Basic.
    /// The hash has 1,000 PBKDF2 iterations (stored in it) so that polling the stats does not eat the CPU being measured.
    /// </summary>
    private static async Task<AuthenticationHeaderValue> AddAdminAsync(IFleetStore store, CancellationToken cancellationToken)
    {
        var name = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var hash = new PasswordHasher<string>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 })).HashPassword(name, password);
        await store.Users.AddAsync(new UserRecord(name, "admin", null, hash, 0, null), TimeProvider.System.GetUtcNow(), cancellationToken);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{password}")));
    }

    /// <summary>Check-ins stored, as <c>GET /api/stats</c> reports them.</summary>
    public async Task<long> CheckInsStoredAsync(CancellationToken cancellationToken)
    {
        var stats = await _http.GetFromJsonAsync<JsonElement>("/api/stats", cancellationToken);
        return stats.GetProperty("checkIns").GetInt64();
    }

    /// <summary>The <c>relay</c> part of <c>GET /api/stats</c>.</summary>
    public async Task<JsonElement> RelayStatsAsync(CancellationToken cancellationToken) =>
        (await _http.GetFromJsonAsync<JsonElement>("/api/stats", cancellationToken)).GetProperty("relay");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
