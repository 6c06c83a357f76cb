using System.Collections.Concurrent;
using System.Diagnostics;

namespace ScanPoint.FleetServer.Tests.External;

/// <summary>
/// <c>mosquitto_sub</c> as a real process, subscribed (not shared) with the fleet's identity: the peer the fleet's
/// consumer is compared with. Collects each message as "topic payload"; also subscribes to <c>sp/fleet/ready</c> so a
/// test can see it is subscribed before the load starts.
/// </summary>
internal sealed class MosquittoSubPeer : IAsyncDisposable
{
    public const string ReadyTopic = "sp/fleet/ready";
    private readonly Process _process;

    public MosquittoSubPeer(int port, string brokerDir, string topic)
    {
        var start = new ProcessStartInfo("mosquitto_sub")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "-h", "127.0.0.1", "-p", $"{port}", "--cafile", Path.Combine(brokerDir, "ca.pem"), "--cert", Path.Combine(brokerDir, "fleet-server.pem"),
            "--key", Path.Combine(brokerDir, "fleet-server.key"), "--insecure", "-V", "mqttv5", "-q", "1", "-i", $"peer-{Guid.NewGuid():N}",
            "-t", topic, "-t", ReadyTopic, "-F", "%t %p",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto_sub did not start");
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                Lines.Enqueue(line);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                Errors.Enqueue(line);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public ConcurrentQueue<string> Lines { get; } = new();

    public ConcurrentQueue<string> Errors { get; } = new();

    public bool IsReady => Lines.Any(l => l.StartsWith(ReadyTopic + " ", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
