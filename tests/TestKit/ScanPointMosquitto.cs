using System.Diagnostics;
using System.Net.Sockets;

namespace ScanPoint.TestKit;

/// <summary>
/// A real Mosquitto 2 process configured from the shipped <c>deploy/mosquitto/scanpoint.conf</c> and <c>acl</c>: mutual TLS
/// with the fleet CA, <c>use_identity_as_username</c>, the ACL; on a free loopback port, persistence in its folder (so
/// a kill -9 and restart keeps sessions and retained messages as far as Mosquitto's last save). The folder must hold
/// <c>ca.pem</c>, <c>server.pem</c> and <c>server.key</c> (e.g. from <c>fleet-server broker-cert</c>).
/// </summary>
public sealed class ScanPointMosquitto : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(20);
    private readonly string _dir;
    private Process? _process;

    public ScanPointMosquitto(string dir)
    {
        _dir = dir;
        var deploy = Path.Combine(TestData.RepositoryRoot, "deploy", "mosquitto");
        File.Copy(Path.Combine(deploy, "acl"), Path.Combine(dir, "acl"), overwrite: true);
        var conf = File.ReadAllText(Path.Combine(deploy, "scanpoint.conf"))
            .Replace("/etc/mosquitto/scanpoint/", dir + "/", StringComparison.Ordinal)
            .Replace("listener 8883", $"listener {Port} 127.0.0.1", StringComparison.Ordinal)
            .Replace("persistence_location /var/lib/mosquitto/", $"persistence_location {dir}/\nautosave_interval 1", StringComparison.Ordinal);
        // run as whoever runs the tests (as root, mosquitto would switch to its own user and could not save in a temp folder)
        File.WriteAllText(ConfigPath, conf + "user root\nlog_dest stderr\nlog_type error\nlog_type warning\n");
    }

    public int Port { get; } = FreePort.Next();

    public string ConfigPath => Path.Combine(_dir, "mosquitto.conf");

    public int Pid => _process?.Id ?? 0;

    /// <summary>Starts mosquitto and returns once it accepts TCP connections.</summary>
    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo("mosquitto", ["-c", ConfigPath]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("mosquitto did not start");
        await Eventually.TrueAsync(ListeningAsync, StartLimit, $"mosquitto to listen on {Port}");
    }

    /// <summary>kill -9; <see cref="StartAsync"/> brings it back on the same port with what it had saved.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private async Task<bool> ListeningAsync()
    {
        if (_process is { HasExited: true })
        {
            throw new InvalidOperationException($"mosquitto exited with code {_process.ExitCode} (config {ConfigPath})");
        }

        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
