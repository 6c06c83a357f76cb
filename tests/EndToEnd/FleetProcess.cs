using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// The fleet server as a real process on loopback, with its embedded SQLite database in the scenario folder.
/// It keeps its ports and database across kill -9 and restart. With an <see cref="ExternalBroker"/> it runs in
/// external-broker mode (no embedded broker) with a stable client id, so a restart resumes its broker session; a
/// replica shares another fleet process's database and CA and joins the same shared subscription.
/// </summary>
internal sealed class FleetProcess
{
    /// <summary>The administrator each fleet's database gets at first start (<c>users add</c>, piped password).</summary>
    public const string AdminName = "e2e-admin";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Scenario _scenario;
    private readonly FleetProcess? _replicaOf;
    private string? _adminPassword;
    private readonly string _name;
    private ProcessRunner? _process;

    public FleetProcess(Scenario scenario, ExternalBroker? external = null, FleetProcess? replicaOf = null, string name = "fleet")
    {
        (_scenario, External, _name) = (scenario, external ?? replicaOf?.External, name);
        var ports = FreePort.Take(4);
        (MqttPort, HttpPort, HttpsPort, MqttTlsPort) = (ports[0], ports[1], ports[2], ports[3]);
        DatabasePath = replicaOf?.DatabasePath ?? scenario.PathOf("fleet.db");
        _replicaOf = replicaOf;
    }

    /// <summary>The administrator's password (a replica shares its primary's database, so its account too).</summary>
    public string AdminPassword => _replicaOf?.AdminPassword ?? _adminPassword ?? throw new InvalidOperationException("the fleet has not started yet");

    /// <summary>A fleet in <paramref name="mode"/>: <c>embedded</c>, or <c>external</c> with a dedicated Mosquitto started here.</summary>
    public static async Task<FleetProcess> CreateAsync(Scenario scenario, string mode) =>
        mode == "external" ? new FleetProcess(scenario, await ExternalBroker.StartAsync(scenario)) : new FleetProcess(scenario);

    /// <summary>The external broker this fleet consumes from, or null for the embedded broker.</summary>
    public ExternalBroker? External { get; }

    /// <summary>The fleet CA's folder (shared by replicas).</summary>
    public string CaDir => Path.Combine(Path.GetDirectoryName(DatabasePath)!, "ca");

    public int MqttPort { get; }

    public int HttpPort { get; }

    /// <summary>The enrolment endpoint's port (HTTPS, certificate from the fleet CA).</summary>
    public int HttpsPort { get; }

    /// <summary>The broker's TLS port for enrolled devices (client certificates).</summary>
    public int MqttTlsPort { get; }

    public string DatabasePath { get; }

    /// <summary>More configuration for the server and its commands, e.g. <c>--Trust:Dir=…</c>.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    public string MqttAddress => $"mqtt://127.0.0.1:{MqttPort}";

    /// <summary>The last answer of /api/stats, for failure messages.</summary>
    public string LastStatsJson { get; private set; } = "(none yet)";

    /// <summary><c>devices add</c>; returns the device credential (the last line it prints).</summary>
    public async Task<string> AddDeviceAsync(string deviceId, string province)
    {
        var result = await _scenario.RunCommandAsync(
            Programs.FleetServer,
            ["devices", "add", "--id", deviceId, "--province", province, $"--Storage:SqlitePath={DatabasePath}"]);
        return result.EnsureSuccess().LastLine;
    }

    /// <summary><c>devices enroll</c>; returns the ticket (the last line it prints).</summary>
    public Task<string> EnrollAsync(string province, string site) => EnrollAsync(["--province", province, "--site", site]);

    /// <summary><c>devices enroll --device ID</c>: a re-enrolment ticket for an existing device.</summary>
    public Task<string> ReEnrollAsync(string deviceId) => EnrollAsync(["--device", deviceId]);

    private async Task<string> EnrollAsync(string[] what)
    {
        var result = await _scenario.RunCommandAsync(
            Programs.FleetServer,
            ["devices", "enroll", .. what, $"--Storage:SqlitePath={DatabasePath}", .. EnrolmentArgs]);
        return result.EnsureSuccess().LastLine;
    }

    private string[] EnrolmentArgs =>
    [
        $"--Enrolment:CaDir={CaDir}",
        $"--Enrolment:HttpsPort={HttpsPort}",
        "--Enrolment:HostNames:0=127.0.0.1",
        $"--Enrolment:Broker=mqtts://127.0.0.1:{MqttTlsPort}",
        $"--Mqtt:TlsPort={MqttTlsPort}",
        .. External is { } broker
            ? (string[])["--Mqtt:Mode=external", $"--ExternalBroker:Port={broker.Port}", $"--ExternalBroker:ClientId=fleet-server-e2e-{_name}", "--ExternalBroker:ReconnectMaxDelay=00:00:02"]
            : [],
        .. Settings,
    ];

    /// <summary><c>trust import --bundle FILE</c> with this fleet's settings; the result, for its exit code and message.</summary>
    public Task<CommandResult> ImportTrustAsync(string bundlePath) =>
        _scenario.RunCommandAsync(Programs.FleetServer, ["trust", "import", "--bundle", bundlePath, .. Settings]);

    /// <summary>Starts the server and returns once its API answers (the first start of a primary adds the administrator).</summary>
    public async Task StartAsync()
    {
        if (_replicaOf is null && _adminPassword is null)
        {
            var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            (await _scenario.RunCommandAsync(Programs.FleetServer, ["users", "add", "--name", AdminName, "--role", "admin", $"--Storage:SqlitePath={DatabasePath}", .. Settings], password + "\n")).EnsureSuccess();
            _adminPassword = password;
        }

        _process = _scenario.Start(
            _name,
            Programs.FleetServer,
            [
                $"--Storage:SqlitePath={DatabasePath}", $"--Mqtt:Port={MqttPort}", $"--Http:Port={HttpPort}",
                .. EnrolmentArgs,
                "--Logging:LogLevel:Microsoft.AspNetCore=Warning", // not a line per stats request
            ]);
        await _scenario.WaitAsync(
            $"the fleet server (pid {_process.Id}) to answer on http://127.0.0.1:{HttpPort}/api/stats",
            async () => await TryGetStatsAsync() is not null);
        if (External is not null)
        {
            await _scenario.WaitAsync($"{_name} to connect to the external broker", async () => (await GetJsonAsync("/api/external-broker")).GetProperty("connected").GetBoolean());
        }

        _scenario.Note($"{_name} up (pid {_process.Id}, {(External is null ? $"mqtt {MqttPort}" : $"external broker {External.Port}")}, http {HttpPort})");
    }

    /// <summary>kill -9; <see cref="StartAsync"/> brings it back on the same ports and database.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
            _scenario.Note($"{_name} killed (pid {_process.Id})");
        }
    }

    /// <summary>The stats, or null while the server does not answer.</summary>
    public async Task<FleetStats?> TryGetStatsAsync()
    {
        if (_replicaOf is null && _adminPassword is null)
        {
            return null; // never started: nothing answers (and no account exists yet)
        }

        try
        {
            var json = await GetStringAsync("/api/stats");
            LastStatsJson = json;
            return JsonSerializer.Deserialize<FleetStats>(json, JsonSerializerOptions.Web);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Any JSON endpoint of the API, e.g. <c>/api/devices</c>, signed in as the administrator.</summary>
    public async Task<JsonElement> GetJsonAsync(string path) =>
        JsonSerializer.Deserialize<JsonElement>(await GetStringAsync(path));

    /// <summary>Any endpoint of the API as text, signed in as the administrator (HTTP Basic); throws on a non-success status.</summary>
    public async Task<string> GetStringAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{HttpPort}{path}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AdminName}:{AdminPassword}")));
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The stats; fails if the server does not answer.</summary>
    public async Task<FleetStats> GetStatsAsync() =>
        await TryGetStatsAsync() ?? throw new InvalidOperationException($"the fleet server does not answer on port {HttpPort}");
}
