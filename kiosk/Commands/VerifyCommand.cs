using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Kiosk.Commands;

/// <summary>
/// <c>kiosk verify [--trust-bundle FILE --trust-anchor PEM] [--trust-dsc FILE]... [--at ISO8601] [--show-subject] [--json]
/// (CODE | --file FILE)</c>: the technicians' check of one code, stage by stage. Exit 0 accepted, 1 rejected,
/// 2 unverifiable, 64 usage error. Personal fields are printed only with <c>--show-subject</c>.
/// </summary>
internal static class VerifyCommand
{
    public const int UsageError = 64;

    /// <summary>Runs with the arguments after <c>verify</c>; writes the report to <paramref name="output"/>, problems to <paramref name="error"/>.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, TimeProvider? time = null)
    {
        if (VerifyOptions.Parse(args, out var problem) is not { } options)
        {
            return Usage(error, problem);
        }

        if (ReadCode(options, out problem) is not { } code)
        {
            return Usage(error, problem);
        }

        if (VerifyTrust.Load(options, out problem) is not { } trust)
        {
            return Usage(error, problem);
        }

        var now = options.At ?? (time ?? TimeProvider.System).GetUtcNow();
        var report = VerifyEvaluator.Evaluate(code, trust, now);
        if (trust.Bundle is { } bundle && IsStale(bundle, report.Format, now))
        {
            report = report with { ExtraWarnings = [VerdictCodes.TrustStale] };
        }

        if (options.Json)
        {
            VerifyReportWriter.WriteJson(report, options.ShowSubject, output);
        }
        else
        {
            VerifyReportWriter.WriteTable(report, options.ShowSubject, output);
        }

        return report.ExitCode;
    }

    private static string? ReadCode(VerifyOptions options, out string? problem)
    {
        problem = null;
        if (options.CodeFile is not { } path)
        {
            return options.Code;
        }

        try
        {
            var text = File.ReadAllText(path);
            return text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
                : text.EndsWith('\n') ? text[..^1]
                : text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"--file: {ex.Message}";
            return null;
        }
    }

    private static bool IsStale(Credentials.Trust.TrustBundle bundle, string format, DateTimeOffset now) => format switch
    {
        Contracts.CheckIns.CodeFormats.Dcc => bundle.IsDscStale(now),
        Contracts.CheckIns.CodeFormats.SmartHealthCard => bundle.IsShcIssuersStale(now),
        Contracts.CheckIns.CodeFormats.DeclarationPass => bundle.IsDeclarationSignersStale(now),
        _ => false,
    };

    private static int Usage(TextWriter error, string? problem)
    {
        error.WriteLine($"verify: {problem}");
        error.WriteLine(VerifyOptions.Usage);
        return UsageError;
    }
}
