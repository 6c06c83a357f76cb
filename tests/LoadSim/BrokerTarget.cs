using System.Diagnostics;
using System.Net.Sockets;

namespace ScanPoint.LoadSim;

/// <summary>A broker under load as a real process: started, measured through /proc, killed -9 and restarted.</summary>
internal abstract class BrokerTarget(string name, int port) : IAsyncDisposable
{
    private Process? _process;

    public string Name { get; } = name;

    /// <summary>The MQTT-over-TLS port kiosks connect to.</summary>
    public int Port { get; } = port;

    public int Pid => _process?.Id ?? throw new InvalidOperationException("not started");

    public async Task StartAsync()
    {
        _process = Process.Start(StartInfo()) ?? throw new InvalidOperationException($"{Name} did not start");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{Name} did not listen on {Port} within 60 s");
    }

    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    protected abstract ProcessStartInfo StartInfo();
}
