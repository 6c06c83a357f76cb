using System.Text.RegularExpressions;

namespace ScanPoint.FleetServer.Tracing;

/// <summary>Bounds on what a tracer may send: person keys, site ids, notes, output formats.</summary>
internal static partial class TracingInput
{
    public const int MaxNoteLength = 500;

    public const string KeyError = "key is required: 1-64 of A-Z a-z 0-9 _ - (the person key of a check-in)";

    public const string SiteError = "site is required: 1-64 of A-Z a-z 0-9 _ - . (a site id)";

    public const string FormatError = "format is json (default) or csv";

    public static bool IsKey(string? key) => key is not null && Key().IsMatch(key);

    public static bool IsSite(string? site) => site is not null && Site().IsMatch(site);

    /// <summary>True for csv, false for json or none; null when unknown.</summary>
    public static bool? IsCsv(string? format) => format switch
    {
        null or "" or "json" => false,
        "csv" => true,
        _ => null,
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Key();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Site();
}
