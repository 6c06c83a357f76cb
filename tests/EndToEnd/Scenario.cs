using System.Diagnostics;
using ScanPoint.TestKit;
using Xunit.Abstractions;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// One end-to-end run: a temp folder, the processes started in it and their logs. When the run ends every process
/// is killed (whole tree); when it failed, the tail of every log goes to the test output and the folder is kept.
/// </summary>
internal sealed class Scenario : IAsyncDisposable
{
    /// <summary>Longest any single wait may take.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(120);

    private const int TailLines = 40;
    private readonly ITestOutputHelper _output;
    private readonly TempDirectory _temp = new("scanpoint-e2e");
    private readonly List<ProcessRunner> _processes = [];
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly Lock _commandLogLock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private bool _failed;

    private Scenario(ITestOutputHelper output) => _output = output;

    public static async Task RunAsync(ITestOutputHelper output, Func<Scenario, Task> body)
    {
        var scenario = new Scenario(output);
        await using (scenario)
        {
            try
            {
                await body(scenario);
            }
            catch (Exception ex)
            {
                scenario._failed = true;
                scenario.Note($"FAILED: {ex.GetType().Name}: {ex.Message}");
                throw;
            }
        }
    }

    public string PathOf(string name) => _temp.File(name);

    /// <summary>A timestamped progress line in the test output.</summary>
    public void Note(string message) => _output.WriteLine($"[{_clock.Elapsed:mm\\:ss\\.fff}] {message}");

    /// <summary>Starts a long-running program; its output goes to LOGNAME.log, appended across restarts.</summary>
    public ProcessRunner Start(string logName, string program, IReadOnlyList<string> args)
    {
        var runner = ProcessRunner.Start(logName, program, args, _temp.Path, PathOf(logName + ".log"));
        lock (_processes)
        {
            _processes.Add(runner);
        }

        return runner;
    }

    /// <summary>Something else the scenario disposes at its end (e.g. a broker process).</summary>
    public void Own(IAsyncDisposable owned)
    {
        lock (_owned)
        {
            _owned.Add(owned);
        }
    }

    /// <summary>Runs a one-shot command to its end (with <paramref name="stdin"/> piped in, if given); it and its output are appended to commands.log.</summary>
    public async Task<CommandResult> RunCommandAsync(string program, IReadOnlyList<string> args, string? stdin = null)
    {
        var result = await ProcessRunner.RunAsync(program, args, _temp.Path, WaitLimit, stdin);
        lock (_commandLogLock)
        {
            File.AppendAllText(PathOf("commands.log"), $"{DateTimeOffset.Now:HH:mm:ss.fff} {result}\n");
        }

        return result;
    }

    /// <summary>
    /// Waits (at most <see cref="WaitLimit"/>) until the condition holds. Fails at once if a process the test did not
    /// kill has exited, and on timeout says what was last seen.
    /// </summary>
    public async Task WaitAsync(string what, Func<Task<bool>> condition, Func<string>? lastSeen = null)
    {
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    ThrowIfAnyProcessDied();
                    return await condition();
                },
                WaitLimit,
                what);
        }
        catch (TimeoutException ex) when (lastSeen is not null)
        {
            throw new TimeoutException($"{ex.Message}; last seen: {lastSeen()}", ex);
        }
    }

    public Task WaitAsync(string what, Func<bool> condition, Func<string>? lastSeen = null) =>
        WaitAsync(what, () => Task.FromResult(condition()), lastSeen);

    public async ValueTask DisposeAsync()
    {
        List<ProcessRunner> processes;
        lock (_processes)
        {
            processes = [.. _processes];
        }

        foreach (var process in processes)
        {
            await process.DisposeAsync(); // kill -9 of the tree of anything still running
        }

        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        if (_failed || Environment.GetEnvironmentVariable("SCANPOINT_E2E_KEEP") == "1")
        {
            WriteLogTails();
            _output.WriteLine($"processes' files kept in {_temp.Path}");
        }
        else
        {
            _temp.Dispose();
        }
    }

    private void ThrowIfAnyProcessDied()
    {
        lock (_processes)
        {
            if (_processes.FirstOrDefault(p => p.HasExited && !p.KilledByTest) is { } dead)
            {
                throw new InvalidOperationException($"{dead.Name} (pid {dead.Id}) exited by itself with code {dead.ExitCode}: see {dead.Name}.log");
            }
        }
    }

    private void WriteLogTails()
    {
        foreach (var log in Directory.GetFiles(_temp.Path, "*.log").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(log);
            _output.WriteLine($"---- last {Math.Min(TailLines, lines.Length)} of {lines.Length} lines of {Path.GetFileName(log)}");
            foreach (var line in lines.TakeLast(TailLines))
            {
                _output.WriteLine(line);
            }
        }
    }
}
