using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ScanPoint.TestKit;

namespace ScanPoint.LoadSim;

/// <summary>
/// External-broker mode: Mosquitto 2 with the shipped configuration (deploy/mosquitto: mutual TLS, ACL) takes the
/// kiosks, and a fleet-server process in <c>Mqtt:Mode=external</c> consumes their births and heartbeats through its
/// shared subscription and stores them in SQLite. The broker is the target (kill -9 and restart); the fleet is measured too.
/// </summary>
internal sealed class ExternalModeTarget : BrokerTarget
{
    private const string AdminName = "loadsim-admin";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ScanPointMosquitto _mosquitto;
    private readonly string _dll;
    private readonly int _httpPort = FreePort.Next();
    private readonly string _adminPassword = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
    private Process? _fleet;

    public ExternalModeTarget(string dir, string dll, string caPem, string serverCertPem, string serverKeyPem)
        : this(Prepare(dir, caPem, serverCertPem, serverKeyPem), dll)
    {
    }

    private ExternalModeTarget(ScanPointMosquitto mosquitto, string dll)
        : base("mosquitto 2 + fleet-server consuming (external mode)", mosquitto.Port) => (_mosquitto, _dll) = (mosquitto, dll);

    public int FleetPid => _fleet?.Id ?? throw new InvalidOperationException("fleet not started");

    /// <summary>Adds the administrator (<c>users add</c>, piped password), starts the consuming fleet server (database and CA of the run) and waits until it is subscribed.</summary>
    public async Task StartFleetAsync(string databasePath, string caDir)
    {
        await AddAdminAsync(databasePath);
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var arg in new[]
        {
            _dll, $"--Storage:SqlitePath={databasePath}", $"--Enrolment:CaDir={caDir}", $"--Http:Port={_httpPort}", $"--Enrolment:HttpsPort={FreePort.Next()}",
            "--Mqtt:Mode=external", $"--ExternalBroker:Port={Port}", "--ExternalBroker:ClientId=fleet-server-loadsim", "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        _fleet = Process.Start(start) ?? throw new InvalidOperationException("fleet-server did not start");
        var clock = Stopwatch.StartNew();
        while (!await IsFleetConnectedAsync())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60) || _fleet.HasExited)
            {
                throw new TimeoutException("the fleet server did not connect to mosquitto within 60 s");
            }

            await Task.Delay(200);
        }
    }

    public async Task<bool> IsFleetConnectedAsync() => await CountersAsync() is { } c && c.GetProperty("connected").GetBoolean();

    /// <summary>How many times the fleet has connected to the broker (subscribed), or -1 if it does not answer.</summary>
    public async Task<long> FleetConnectsAsync() => await CountersAsync() is { } c && c.GetProperty("connected").GetBoolean() ? c.GetProperty("connects").GetInt64() : -1;

    /// <summary>Messages the fleet received from the broker (births, heartbeats, wills), or -1 if it does not answer.</summary>
    public async Task<long> FleetReceivedAsync() => await CountersAsync() is { } c ? c.GetProperty("received").GetInt64() : -1;

    public override async ValueTask DisposeAsync()
    {
        if (_fleet is { HasExited: false })
        {
            _fleet.Kill(entireProcessTree: true);
            await _fleet.WaitForExitAsync();
        }

        _fleet?.Dispose();
        await base.DisposeAsync();
    }

    protected override ProcessStartInfo StartInfo() => new("mosquitto", ["-c", _mosquitto.ConfigPath]) { UseShellExecute = false };

    private static ScanPointMosquitto Prepare(string dir, string caPem, string serverCertPem, string serverKeyPem)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "ca.pem"), caPem);
        File.WriteAllText(Path.Combine(dir, "server.pem"), serverCertPem);
        File.WriteAllText(Path.Combine(dir, "server.key"), serverKeyPem);
        return new ScanPointMosquitto(dir);
    }

    private async Task AddAdminAsync(string databasePath)
    {
        var users = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { _dll, "users", "add", "--name", AdminName, "--role", "admin", $"--Storage:SqlitePath={databasePath}" })
        {
            users.ArgumentList.Add(arg);
        }

        using var process = Process.Start(users) ?? throw new InvalidOperationException("fleet-server users add did not start");
        await process.StandardInput.WriteLineAsync(_adminPassword);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && !output.Contains("already exists", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"fleet-server users add exited with {process.ExitCode}: {output}");
        }
    }

    private async Task<JsonElement?> CountersAsync()
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{_httpPort}/api/external-broker"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AdminName}:{_adminPassword}")));
            using var response = await Http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
