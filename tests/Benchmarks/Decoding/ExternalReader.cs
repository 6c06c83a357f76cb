using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ScanPoint.Benchmarks.Decoding;

/// <summary>
/// A command-line reader given every file of a corpus in one invocation. Its time per image is
/// (T(all files) − T(first file)) / (n − 1), T(first file) the median of three runs, so that process start-up is not
/// counted.
/// </summary>
internal static partial class ExternalReader
{
    /// <summary><c>ZXingReader -format QRCode -1</c>: one line per file (<c>path QRCode "text"</c> or <c>path None</c>).</summary>
    public static DecodeOutcome ZxingReader(DecodeCorpus corpus)
    {
        var (output, ms) = Measure("ZXingReader", ["-format", "QRCode", "-1"], corpus);
        var read = corpus.Items.ToDictionary(i => i.Path, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var item = corpus.Items.FirstOrDefault(i => line.StartsWith(i.Path + " QRCode \"", StringComparison.Ordinal));
            if (item is not null && line.EndsWith('"'))
            {
                read[item.Path].Add(Unescape(line[(item.Path.Length + 9)..^1]));
            }
        }

        var correct = corpus.Items.Select(i => i.Expected is null ? read[i.Path].Count == 0 : read[i.Path].Contains(i.Expected)).ToList();
        return new DecodeOutcome("ZXingReader", correct, ms);
    }

    /// <summary>
    /// <c>zbarimg -q --raw</c>: one line per code read, without file names. Payloads are unique per file, so a file is
    /// counted right when its expected text is among the lines (each line used once); an empty frame is right while
    /// fewer lines were printed than there are empty frames left.
    /// </summary>
    public static DecodeOutcome Zbarimg(DecodeCorpus corpus)
    {
        var (output, ms) = Measure("zbarimg", ["-q", "--raw"], corpus);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var correct = new List<bool>(corpus.Items.Count);
        var falseReads = lines.Count;
        foreach (var item in corpus.Items)
        {
            if (item.Expected is null)
            {
                correct.Add(falseReads-- <= 0);
                continue;
            }

            correct.Add(lines.Remove(item.Expected));
        }

        return new DecodeOutcome("zbarimg", correct, ms);
    }

    private static (string Output, double MsPerImage) Measure(string tool, string[] options, DecodeCorpus corpus)
    {
        var paths = corpus.Items.Select(i => i.Path).ToArray();
        var one = Enumerable.Range(0, 3).Select(_ => Run(tool, [.. options, paths[0]]).Elapsed).Order().ElementAt(1);
        var (output, all) = Run(tool, [.. options, .. paths]);
        return (output, paths.Length > 1 ? (all - one).TotalMilliseconds / (paths.Length - 1) : double.NaN);
    }

    private static (string Output, TimeSpan Elapsed) Run(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var began = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill();
            throw new TimeoutException(tool + " ran for over 10 minutes");
        }

        var elapsed = Stopwatch.GetElapsedTime(began);
        _ = error.Result;
        return (output, elapsed);
    }

    /// <summary>ZXingReader's <c>-escape</c> writes non-ASCII characters as <c>&lt;U+EA&gt;</c> or <c>&lt;U+1EC5&gt;</c>.</summary>
    private static string Unescape(string text) =>
        UnicodeEscape().Replace(text, m => char.ConvertFromUtf32(int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));

    [GeneratedRegex("<U\\+([0-9A-Fa-f]{2,6})>")]
    private static partial Regex UnicodeEscape();
}
