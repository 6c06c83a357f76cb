namespace ScanPoint.EndToEnd.Tests;

/// <summary>How a one-shot command (devices add, provision, outbox) ended and what it printed.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string StdOut, string StdErr)
{
    /// <summary>The last non-empty line of stdout.</summary>
    public string LastLine => StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    /// <summary>This result, or an exception naming the command, its exit code and its output.</summary>
    public CommandResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"'{CommandLine}' exited with {ExitCode}\nstdout: {StdOut}\nstderr: {StdErr}");

    public override string ToString() => $"$ {CommandLine}\n(exit {ExitCode})\n{StdOut}{StdErr}";
}
