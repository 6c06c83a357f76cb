using System.Globalization;

namespace ScanPoint.Benchmarks.Measuring;

/// <summary>A Markdown table on stdout, so that figures can be pasted into docs/benchmarks.md as printed.</summary>
internal sealed class ResultTable(string title, params string[] columns)
{
    private readonly List<string[]> _rows = [];

    public void Add(params object?[] cells) => _rows.Add([.. cells.Select(Format)]);

    public void Print()
    {
        var widths = columns.Select((c, i) => _rows.Select(r => r[i].Length).Append(c.Length).Max()).ToArray();
        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        WriteRow(columns, widths);
        WriteRow([.. widths.Select(w => new string('-', w))], widths);
        foreach (var row in _rows)
        {
            WriteRow(row, widths);
        }
    }

    /// <summary>Large numbers with thousands separators, small ones with two or three significant digits.</summary>
    public static string Format(object? cell) => cell switch
    {
        null => "-",
        double d when double.IsNaN(d) || double.IsInfinity(d) => "-",
        double d => d.ToString(Math.Abs(d) >= 100 ? "N0" : Math.Abs(d) >= 10 ? "N1" : "N2", CultureInfo.InvariantCulture),
        long or int => string.Format(CultureInfo.InvariantCulture, "{0:N0}", cell),
        TimeSpan t => t.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture) + " s",
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>"12.3×" for a ratio, "-" when either side is missing.</summary>
    public static string Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 ? Format(n / d) + "×" : "-";

    private static void WriteRow(string[] cells, int[] widths) =>
        Console.WriteLine("| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |");
}
