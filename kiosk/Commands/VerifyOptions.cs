using System.Globalization;
using System.Text.RegularExpressions;

namespace ScanPoint.Kiosk.Commands;

/// <summary>The parsed switches of <c>kiosk verify</c>; <see cref="Parse"/> returns null and a reason on a usage error.</summary>
internal sealed partial record VerifyOptions
{
    public const string Usage =
        "usage: kiosk verify [--trust-bundle FILE --trust-anchor PEM | --data-dir DIR] [--trust-dsc FILE]... [--schemas DIR] " +
        "[--at ISO8601] [--show-subject] [--json] (CODE | --file FILE)";

    private static readonly HashSet<string> Valued =
        ["--trust-bundle", "--trust-anchor", "--data-dir", "--trust-dsc", "--schemas", "--at", "--file"];

    public string? Code { get; init; }

    public string? CodeFile { get; init; }

    public string? TrustBundle { get; init; }

    public string? TrustAnchor { get; init; }

    public string? DataDir { get; init; }

    public IReadOnlyList<string> TrustDsc { get; init; } = [];

    public string? Schemas { get; init; }

    public DateTimeOffset? At { get; init; }

    public bool ShowSubject { get; init; }

    public bool Json { get; init; }

    /// <summary>Parses the arguments after <c>verify</c>.</summary>
    public static VerifyOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new VerifyOptions();
        var dsc = new List<string>();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (Valued.Contains(arg))
            {
                if (i + 1 >= args.Count)
                {
                    error = $"{arg} needs a value";
                    return null;
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--trust-bundle": options = options with { TrustBundle = value }; break;
                    case "--trust-anchor": options = options with { TrustAnchor = value }; break;
                    case "--data-dir": options = options with { DataDir = value }; break;
                    case "--trust-dsc": dsc.Add(value); break;
                    case "--schemas": options = options with { Schemas = value }; break;
                    case "--file": options = options with { CodeFile = value }; break;
                    default:
                        if (ParseTime(value) is not { } at)
                        {
                            error = $"--at: '{value}' is not an ISO 8601 date-time";
                            return null;
                        }

                        options = options with { At = at };
                        break;
                }
            }
            else if (arg == "--json")
            {
                options = options with { Json = true };
            }
            else if (arg == "--show-subject")
            {
                options = options with { ShowSubject = true };
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) || options.Code is not null)
            {
                error = $"unexpected argument '{(arg.StartsWith("--", StringComparison.Ordinal) ? arg : "CODE")}'";
                return null;
            }
            else
            {
                options = options with { Code = arg };
            }
        }

        error = (options.Code is null) == (options.CodeFile is null) ? "give exactly one of CODE or --file FILE"
            : options.TrustBundle is not null && options.TrustAnchor is null && options.DataDir is null
                ? "--trust-bundle needs --trust-anchor PEM (or --data-dir DIR with a pinned trust-anchor.pem)"
            : null;
        return error is null ? options with { TrustDsc = dsc } : null;
    }

    /// <summary>ISO 8601, also with an offset without a colon (+0200); no offset means UTC.</summary>
    internal static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParse(
            OffsetWithoutColon().Replace(text.Trim(), "$1:$2"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at : null;

    [GeneratedRegex(@"(T.*[+-]\d{2})(\d{2})$")]
    private static partial Regex OffsetWithoutColon();
}
