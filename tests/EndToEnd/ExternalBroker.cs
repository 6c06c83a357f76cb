using ScanPoint.TestKit;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// A dedicated Mosquitto 2 for one scenario, configured from deploy/mosquitto (mutual TLS, ACL) on a free loopback
/// port, with its certificates from the scenario's fleet CA through the real <c>fleet-server broker-cert</c> command.
/// </summary>
internal sealed class ExternalBroker : IAsyncDisposable
{
    private readonly Scenario _scenario;
    private readonly ScanPointMosquitto _mosquitto;

    private ExternalBroker(Scenario scenario, ScanPointMosquitto mosquitto) => (_scenario, _mosquitto) = (scenario, mosquitto);

    public int Port => _mosquitto.Port;

    public static async Task<ExternalBroker> StartAsync(Scenario scenario)
    {
        var dir = Directory.CreateDirectory(scenario.PathOf("mosquitto")).FullName;
        (await scenario.RunCommandAsync(Programs.FleetServer, ["broker-cert", "--out", dir, "--host", "127.0.0.1", $"--Enrolment:CaDir={scenario.PathOf("ca")}"]))
            .EnsureSuccess();
        var broker = new ExternalBroker(scenario, new ScanPointMosquitto(dir));
        scenario.Own(broker);
        await broker.StartAsync();
        return broker;
    }

    public async Task StartAsync()
    {
        await _mosquitto.StartAsync();
        _scenario.Note($"mosquitto up (pid {_mosquitto.Pid}, port {Port})");
    }

    /// <summary>kill -9 of mosquitto; <see cref="StartAsync"/> brings it back with what it had saved.</summary>
    public async Task KillAsync()
    {
        var pid = _mosquitto.Pid;
        await _mosquitto.KillAsync();
        _scenario.Note($"mosquitto killed (pid {pid})");
    }

    public ValueTask DisposeAsync() => _mosquitto.DisposeAsync();
}
