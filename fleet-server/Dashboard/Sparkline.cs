using System.Globalization;
using System.Net;
using System.Text;

namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// Small charts drawn on the server as inline SVG (no script, no external asset): a line over time, or bars per day.
/// At most <see cref="MaxPoints"/> points are drawn (longer series are thinned by taking every n-th point).
/// </summary>
public static class Sparkline
{
    public const int Width = 320;
    public const int Height = 80;
    public const int MaxPoints = 400;

    /// <summary>A line of <paramref name="values"/> in time order (nulls leave gaps), with its minimum and maximum written.</summary>
    public static string Line(string id, string title, IReadOnlyList<(DateTimeOffset At, double? Value)> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var shown = Thin(values);
        var known = shown.Where(v => v.Value is not null).ToList();
        var svg = Open(id, title);
        if (known.Count == 0)
        {
            return svg.Append(Empty()).Append("</svg>").ToString();
        }

        double min = known.Min(v => v.Value!.Value), max = known.Max(v => v.Value!.Value);
        long t0 = shown[0].At.ToUnixTimeMilliseconds(), t1 = Math.Max(t0 + 1, shown[^1].At.ToUnixTimeMilliseconds());
        var segment = new List<string>();
        foreach (var (at, value) in shown)
        {
            if (value is null)
            {
                Flush(svg, segment);
                continue;
            }

            var x = 4 + (Width - 8) * (double)(at.ToUnixTimeMilliseconds() - t0) / (t1 - t0);
            var y = Height - 14 - (Height - 26) * (max == min ? 0.5 : (value.Value - min) / (max - min));
            segment.Add(F(x) + "," + F(y));
        }

        Flush(svg, segment);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"10\" font-size=\"10\" fill=\"#5b6878\">max {F(max)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{Height - 2}\" font-size=\"10\" fill=\"#5b6878\">min {F(min)}</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>One bar per day (days without a value are zero), the largest written.</summary>
    public static string Bars(string id, string title, IReadOnlyList<(DateOnly Day, long Value)> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var svg = Open(id, title);
        if (days.Count == 0)
        {
            return svg.Append(Empty()).Append("</svg>").ToString();
        }

        var max = Math.Max(1, days.Max(d => d.Value));
        var step = (Width - 8) / (double)days.Count;
        for (var i = 0; i < days.Count; i++)
        {
            var h = (Height - 26) * (double)days[i].Value / max;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(4 + i * step)}\" y=\"{F(Height - 14 - h)}\" width=\"{F(Math.Max(1, step - 1))}\" height=\"{F(h)}\" fill=\"#0b6e4f\"><title>{days[i].Day:yyyy-MM-dd}: {days[i].Value}</title></rect>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"10\" font-size=\"10\" fill=\"#5b6878\">max {max}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{Height - 2}\" font-size=\"10\" fill=\"#5b6878\">{days[0].Day:yyyy-MM-dd} – {days[^1].Day:yyyy-MM-dd}</text>");
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, string title) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg id=\"{WebUtility.HtmlEncode(id)}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\"><title>{WebUtility.HtmlEncode(title)}</title>");

    private static string Empty() => $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#98a2b3\">—</text>";

    private static void Flush(StringBuilder svg, List<string> segment)
    {
        if (segment.Count == 1)
        {
            var xy = segment[0].Split(',');
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"2\" fill=\"#0a5a8a\"/>");
        }
        else if (segment.Count > 1)
        {
            svg.Append("<polyline fill=\"none\" stroke=\"#0a5a8a\" stroke-width=\"1.5\" points=\"").AppendJoin(' ', segment).Append("\"/>");
        }

        segment.Clear();
    }

    private static List<(DateTimeOffset At, double? Value)> Thin(IReadOnlyList<(DateTimeOffset At, double? Value)> values)
    {
        var every = Math.Max(1, (values.Count + MaxPoints - 1) / MaxPoints);
        return [.. values.Where((_, i) => i % every == 0 || i == values.Count - 1)];
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
