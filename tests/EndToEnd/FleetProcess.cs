using System.Text.Json;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// The fleet server as a real process on loopback, with its embedded SQLite database in the scenario folder.
/// It keeps its ports and database across kill -9 and restart.
/// </summary>
internal sealed class FleetProcess
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Scenario _scenario;
    private ProcessRunner? _process;

    public FleetProcess(Scenario scenario)
    {
        _scenario = scenario;
        var ports = FreePort.Take(4);
        (MqttPort, HttpPort, HttpsPort, MqttTlsPort) = (ports[0], ports[1], ports[2], ports[3]);
        DatabasePath = scenario.PathOf("fleet.db");
    }

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
        $"--Enrolment:CaDir={Path.Combine(Path.GetDirectoryName(DatabasePath)!, "ca")}",
        $"--Enrolment:HttpsPort={HttpsPort}",
        "--Enrolment:HostNames:0=127.0.0.1",
        $"--Enrolment:Broker=mqtts://127.0.0.1:{MqttTlsPort}",
        $"--Mqtt:TlsPort={MqttTlsPort}",
        .. Settings,
    ];

    /// <summary><c>trust import --bundle FILE</c> with this fleet's settings; the result, for its exit code and message.</summary>
    public Task<CommandResult> ImportTrustAsync(string bundlePath) =>
        _scenario.RunCommandAsync(Programs.FleetServer, ["trust", "import", "--bundle", bundlePath, .. Settings]);

    /// <summary>Starts the server and returns once its API answers.</summary>
    public async Task StartAsync()
    {
        _process = _scenario.Start(
            "fleet",
            Programs.FleetServer,
            [
                $"--Storage:SqlitePath={DatabasePath}", $"--Mqtt:Port={MqttPort}", $"--Http:Port={HttpPort}",
                .. EnrolmentArgs,
                "--Logging:LogLevel:Microsoft.AspNetCore=Warning", // not a line per stats request
            ]);
        await _scenario.WaitAsync(
            $"the fleet server (pid {_process.Id}) to answer on http://127.0.0.1:{HttpPort}/api/stats",
            async () => await TryGetStatsAsync() is not null);
        _scenario.Note($"fleet server up (pid {_process.Id}, mqtt {MqttPort}, http {HttpPort})");
    }

    /// <summary>kill -9; <see cref="StartAsync"/> brings it back on the same ports and database.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
            _scenario.Note($"fleet server killed (pid {_process.Id})");
        }
    }

    /// <summary>The stats, or null while the server does not answer.</summary>
    public async Task<FleetStats?> TryGetStatsAsync()
    {
        try
        {
            var json = await Http.GetStringAsync(new Uri($"http://127.0.0.1:{HttpPort}/api/stats"));
            LastStatsJson = json;
            return JsonSerializer.Deserialize<FleetStats>(json, JsonSerializerOptions.Web);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Any JSON endpoint of the API, e.g. <c>/api/devices</c>.</summary>
    public async Task<JsonElement> GetJsonAsync(string path) =>
        JsonSerializer.Deserialize<JsonElement>(await Http.GetStringAsync(new Uri($"http://127.0.0.1:{HttpPort}{path}")));

    /// <summary>The stats; fails if the server does not answer.</summary>
    public async Task<FleetStats> GetStatsAsync() =>
        await TryGetStatsAsync() ?? throw new InvalidOperationException($"the fleet server does not answer on port {HttpPort}");
}
