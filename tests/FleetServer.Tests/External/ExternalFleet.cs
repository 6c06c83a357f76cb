using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.FleetServer.External;
using ScanPoint.FleetServer.Hosting;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Tests.Users;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.External;

/// <summary>
/// A real Mosquitto 2 (deploy/mosquitto configuration, TLS material from <c>broker-cert</c>) and a fleet server in this
/// process in external-broker mode consuming from it, SQLite in a temp folder.
/// </summary>
internal sealed class ExternalFleet : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("external-fleet");
    private HttpClient _http = new();
    private WebApplication? _app;

    private ExternalFleet() => Mosquitto = new ScanPointMosquitto(BrokerDir);

    public ScanPointMosquitto Mosquitto { get; }

    public string BrokerDir => Directory.CreateDirectory(_dir.File("broker")).FullName;

    public string CaDir => _dir.File("ca");

    public int HttpPort { get; } = FreePort.Next();

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("not started");

    public X509Certificate2 Ca { get; private set; } = null!;

    /// <param name="hook">Runs in the receive callback before each hand-off (the stall tests block it).</param>
    public static async Task<ExternalFleet> StartAsync(ExternalReceiveHook? hook = null, params string[] extraArgs)
    {
        var fleet = new ExternalFleet();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Enrolment:CaDir", fleet.CaDir)]).Build();
        Assert.Equal(0, BrokerCertificateCommand.Run(["--out", fleet.BrokerDir, "--host", "127.0.0.1"], configuration, TimeProvider.System));
        fleet.Ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(fleet.BrokerDir, "ca.pem")));
        await fleet.Mosquitto.StartAsync();
        fleet._app = FleetServerApp.Build(
            [
                $"--Storage:SqlitePath={fleet._dir.File("fleet.db")}", $"--Http:Port={fleet.HttpPort}", $"--Enrolment:CaDir={fleet.CaDir}",
                $"--Enrolment:HttpsPort={FreePort.Next()}", "--Mqtt:Mode=external", $"--ExternalBroker:Port={fleet.Mosquitto.Port}",
                "--ExternalBroker:ProbeInterval=00:00:00.500", "--ExternalBroker:StallTimeout=00:00:03", "--ExternalBroker:ReconnectMinDelay=00:00:00.200",
                "--ExternalBroker:ReconnectMaxDelay=00:00:02", "--ExternalBroker:DeviceCacheLifetime=00:00:00.500", "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:ScanPoint=Information", .. extraArgs,
            ],
            b =>
            {
                b.Logging.AddProvider(fleet.Logs);
                if (hook is not null)
                {
                    b.Services.AddSingleton(hook);
                }
            });
        await fleet._app.StartAsync();
        var password = await FleetAccounts.AddAdminAsync(fleet.Services.GetRequiredService<IFleetStore>());
        fleet._http.Dispose();
        fleet._http = FleetAccounts.Client(fleet.HttpPort, FleetAccounts.AdminName, password);
        await Eventually.TrueAsync(async () => (await fleet.ExternalAsync()).GetProperty("connected").GetBoolean(), TimeSpan.FromSeconds(30), "the fleet to connect to mosquitto");
        return fleet;
    }

    /// <summary>Registers a device in the store and returns a certificate (with key) for it from the fleet CA.</summary>
    public async Task<X509Certificate2> AddDeviceAsync(string id, string province = "HN")
    {
        var store = Services.GetRequiredService<IFleetStore>();
        await store.AddDeviceAsync(new DeviceRecord(id, province, "site-1", "", DateTimeOffset.UnixEpoch), CancellationToken.None);
        return Issue(id, province);
    }

    public X509Certificate2 Issue(string id, string province = "HN")
    {
        using var ca = FleetCertificateAuthority.LoadOrCreate(CaDir, "external-test", TimeProvider.System);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var issued = ca.IssueDeviceCertificate(key, new DeviceName(id, province, "site-1"), DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        return issued.CopyWithPrivateKey(key);
    }

    public async Task<DeviceClient> ConnectAsync(string id, X509Certificate2 certificate)
    {
        var (client, result, error) = await DeviceClient.ConnectTlsAsync(Mosquitto.Port, id, certificate, Ca);
        Assert.True(result == MQTTnet.MqttClientConnectResultCode.Success, $"{id}: {result} {error}");
        return client;
    }

    public async Task<JsonElement> StatsAsync() => await _http.GetFromJsonAsync<JsonElement>("/api/stats");

    public async Task<JsonElement> ExternalAsync() => await _http.GetFromJsonAsync<JsonElement>("/api/external-broker");

    /// <summary>Per device: (check-ins stored, last seq), from /api/stats.</summary>
    public async Task<(long CheckIns, long LastSeq)> DeviceAsync(string id)
    {
        var device = await DeviceStatsAsync(id);
        return device is not { } d ? (0, 0)
            : (d.GetProperty("checkIns").GetInt64(), d.GetProperty("lastSeq").ValueKind == JsonValueKind.Number ? d.GetProperty("lastSeq").GetInt64() : 0);
    }

    /// <summary>The device's presence (state, boot) as the fleet recorded it, or null.</summary>
    public async Task<(string State, long Boot)?> PresenceAsync(string id) =>
        await DeviceStatsAsync(id) is { } d && d.GetProperty("presence") is { ValueKind: JsonValueKind.Object } p
            ? (p.GetProperty("state").GetString()!, p.GetProperty("boot").GetInt64())
            : null;

    private async Task<JsonElement?> DeviceStatsAsync(string id)
    {
        foreach (var d in (await StatsAsync()).GetProperty("perDevice").EnumerateArray())
        {
            if (d.GetProperty("deviceId").GetString() == id)
            {
                return d;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Mosquitto.DisposeAsync();
        Ca?.Dispose();
        _http.Dispose();
        _dir.Dispose();
    }
}
