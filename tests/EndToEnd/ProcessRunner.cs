using System.Diagnostics;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// One real program run as <c>dotnet PROGRAM.dll ARGS</c> in its own OS process, stdout and stderr appended to a log
/// file. <see cref="KillAsync"/> is kill -9 of the whole process tree; nothing here waits a fixed time.
/// </summary>
internal sealed class ProcessRunner : IAsyncDisposable
{
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private bool _logClosed;

    private ProcessRunner(string name, Process process, StreamWriter log)
    {
        (Name, _process, _log) = (name, process, log);
    }

    public string Name { get; }

    public int Id => _process.Id;

    /// <summary>Set when the test killed it; any other exit is a crash.</summary>
    public bool KilledByTest { get; private set; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ProcessRunner Start(string name, string program, IReadOnlyList<string> args, string workingDirectory, string logPath)
    {
        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = new Process { StartInfo = StartInfo(program, args, workingDirectory), EnableRaisingEvents = true };
        var runner = new ProcessRunner(name, process, log);
        process.OutputDataReceived += (_, e) => runner.Write(e.Data);
        process.ErrorDataReceived += (_, e) => runner.Write(e.Data);
        log.WriteLine($"==== {DateTimeOffset.Now:HH:mm:ss.fff} start: dotnet {Path.GetFileName(program)} {string.Join(' ', args)}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runner;
    }

    /// <summary>Runs a command to its end (bounded) and returns its exit code and output; <paramref name="stdin"/> is piped in (then closed) when given.</summary>
    public static async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> args, string workingDirectory, TimeSpan limit, string? stdin = null)
    {
        using var process = new Process { StartInfo = StartInfo(program, args, workingDirectory) };
        process.StartInfo.RedirectStandardInput = stdin is not null;
        var commandLine = $"dotnet {Path.GetFileName(program)} {string.Join(' ', args)}";
        process.Start();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        using var cts = new CancellationTokenSource(limit);
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return new CommandResult(commandLine, process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // ended meanwhile
            }

            throw new TimeoutException($"'{commandLine}' did not end within {limit}");
        }
    }

    /// <summary>SIGTERM (what systemd sends on stop): the program shuts down gracefully; returns when it has exited.</summary>
    public async Task TerminateAsync()
    {
        KilledByTest = true;
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await WaitForExitAsync();
    }

    /// <summary>kill -9 of the process and its children; returns when it is gone and its output is in the log.</summary>
    public async Task KillAsync()
    {
        KilledByTest = true;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }

        await WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process.HasExited)
        {
            await WaitForExitAsync();
        }
        else
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    /// <summary>Waits for the exit and the end of the output, then closes the log, which a restart appends to next.</summary>
    private async Task WaitForExitAsync()
    {
        using var cts = new CancellationTokenSource(ExitLimit);
        try
        {
            await _process.WaitForExitAsync(cts.Token); // also waits for the end of the redirected output
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} (pid {Id}) did not exit within {ExitLimit} of kill -9");
        }

        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.WriteLine($"==== {DateTimeOffset.Now:HH:mm:ss.fff} exited with {_process.ExitCode}{(KilledByTest ? " (killed by the test)" : "")}");
                _log.Dispose();
                _logClosed = true;
            }
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private static ProcessStartInfo StartInfo(string program, IReadOnlyList<string> args, string workingDirectory)
    {
        var info = new ProcessStartInfo(Programs.DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        info.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        return info;
    }
}
