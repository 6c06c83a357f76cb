using System.Net.Sockets;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// A kiosk as a real process: its data directory (identity and LiteDB outbox) and the scan file it follows, both in
/// the scenario folder and kept across kill -9 and restart.
/// </summary>
internal sealed class KioskProcess
{
    private readonly Scenario _scenario;
    private ProcessRunner? _process;

    public KioskProcess(Scenario scenario, string deviceId)
    {
        (_scenario, DeviceId) = (scenario, deviceId);
        DataDir = scenario.PathOf(deviceId);
        Scans = new ScanFile(scenario.PathOf(deviceId + "-scans.txt"), deviceId);
    }

    /// <summary>The device id: as constructed, or the one the fleet assigned at enrolment.</summary>
    public string DeviceId { get; private set; }

    public string DataDir { get; }

    public ScanFile Scans { get; }

    /// <summary>Registers the device with the fleet (offline, in its database) and provisions this kiosk with the credential.</summary>
    public async Task ProvisionAsync(FleetProcess fleet, string province)
    {
        var credential = await fleet.AddDeviceAsync(DeviceId, province);
        var result = await _scenario.RunCommandAsync(
            Programs.Kiosk,
            ["provision", "--fleet", fleet.MqttAddress, "--credential", credential, "--data-dir", DataDir]);
        result.EnsureSuccess();
    }

    /// <summary><c>kiosk provision --code TICKET</c>: enrols with a certificate; the fleet names the device.</summary>
    public async Task EnrolAsync(string ticket)
    {
        var result = (await _scenario.RunCommandAsync(Programs.Kiosk, ["provision", "--code", ticket, "--data-dir", DataDir])).EnsureSuccess();
        DeviceId = result.LastLine.Split(' ')[2]; // "enrolled as {id} (province …"
        _scenario.Note($"enrolled as {DeviceId}");
    }

    /// <summary>After an enrolment by scanning: takes the device id the fleet gave, from <c>kiosk.json</c>.</summary>
    public void AdoptEnrolledIdentity()
    {
        using var identity = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDir, "kiosk.json")));
        DeviceId = identity.RootElement.GetProperty(nameof(DeviceId)).GetString()!;
        _scenario.Note($"enrolled by scanning as {DeviceId}");
    }

    /// <summary>Starts <c>kiosk run</c> and returns once it answers on its status socket.</summary>
    public async Task StartAsync(params string[] extraArgs)
    {
        _process = _scenario.Start(
            DeviceId,
            Programs.Kiosk,
            [
                "run", "--data-dir", DataDir, "--scan-source", "lines:" + Scans.Path,
                "--Reporting:ReconnectMinDelay=00:00:00.200", "--Reporting:ReconnectMaxDelay=00:00:01", "--Reporting:AckTimeout=00:00:03",
                .. extraArgs,
            ]);
        var socket = Path.Combine(DataDir, "kiosk.sock");
        await _scenario.WaitAsync($"{DeviceId} (pid {_process.Id}) to listen on {socket}", () => Answers(socket));
        _scenario.Note($"{DeviceId} up (pid {_process.Id})");
    }

    /// <summary>SIGTERM, as systemd stops it; returns once it has exited.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.TerminateAsync();
            _scenario.Note($"{DeviceId} stopped gracefully (pid {_process.Id})");
        }
    }

    /// <summary>kill -9 (whole process tree); returns once it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
            _scenario.Note($"{DeviceId} killed (pid {_process.Id}) with {Scans.Written} lines written");
        }
    }

    /// <summary><c>kiosk outbox --data-dir DIR</c>: asks the running kiosk, or reads the outbox file when none runs.</summary>
    public async Task<OutboxReport> GetOutboxAsync()
    {
        var result = await _scenario.RunCommandAsync(Programs.Kiosk, ["outbox", "--data-dir", DataDir]);
        return OutboxReport.Parse(result.EnsureSuccess().StdOut);
    }

    /// <summary>Whether a kiosk answers on the status socket (its answer is read to the end, then dropped).</summary>
    private static bool Answers(string socketPath)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { ReceiveTimeout = 5000 };
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            using var answer = new NetworkStream(socket);
            answer.CopyTo(Stream.Null);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false; // not there yet, or left behind by a killed kiosk
        }
    }
}
