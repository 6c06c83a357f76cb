using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using ScanPoint.Contracts.Devices;
using ScanPoint.Kiosk.Outbox;

namespace ScanPoint.Benchmarks.Drain;

/// <summary>
/// The real kiosk program as a child process: <c>kiosk/bin/CONFIGURATION/net10.0/ScanPoint.Kiosk.dll</c>, built by this
/// project's reference in the same configuration (the copy next to this benchmark lacks the kiosk's own packages, which
/// here come from the ASP.NET Core shared framework). Provisioned, then run against a data directory; its output is
/// kept for error messages.
/// </summary>
internal sealed class KioskProcess : IAsyncDisposable
{
    private const int KeptLines = 40;
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private KioskProcess(Process process, string dataDir)
    {
        (_process, DataDir) = (process, dataDir);
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string DataDir { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>CPU time the kiosk process has used so far (read it before the process ends).</summary>
    public TimeSpan ProcessorTime => _process.TotalProcessorTime;

    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary><c>kiosk provision --fleet mqtt://127.0.0.1:PORT --credential … --data-dir DIR</c>.</summary>
    public static async Task ProvisionAsync(string dataDir, int mqttPort, DeviceCredential credential, CancellationToken cancellationToken)
    {
        await using var provision = Start(["provision", "--fleet", $"mqtt://127.0.0.1:{mqttPort}", "--credential", credential.ToString(), "--data-dir", dataDir], dataDir);
        await provision._process.WaitForExitAsync(cancellationToken);
        if (provision._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kiosk provision failed ({provision._process.ExitCode}):{Environment.NewLine}{provision.RecentOutput}");
        }
    }

    /// <summary><c>kiosk run --data-dir DIR</c> plus configuration switches.</summary>
    public static KioskProcess Run(string dataDir, IEnumerable<string> settings) => Start(["run", "--data-dir", dataDir, .. settings], dataDir);

    /// <summary>The running kiosk's outbox status from its status socket (what <c>kiosk outbox</c> asks), or null.</summary>
    public async Task<OutboxStatus?> QueryOutboxAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(DataDir, "kiosk.sock");
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            return await JsonSerializer.DeserializeAsync<OutboxStatus>(stream, cancellationToken: cancellationToken);
        }
        catch (SocketException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private static KioskProcess Start(IEnumerable<string> args, string dataDir)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(KioskDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new KioskProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start the kiosk"), dataDir);
    }

    private static string KioskDll()
    {
        var configuration = typeof(KioskProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "kiosk", "bin", configuration, "net10.0", "ScanPoint.Kiosk.dll");
            if (File.Exists(Path.Combine(dir.FullName, "ScanPoint.slnx")) && File.Exists(dll))
            {
                return dll;
            }
        }

        throw new InvalidOperationException($"kiosk/bin/{configuration}/net10.0/ScanPoint.Kiosk.dll not found above {AppContext.BaseDirectory}: build the kiosk");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }
}
