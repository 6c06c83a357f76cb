using System.Globalization;

namespace ScanPoint.FleetServer.Tracing;

/// <summary>A query's time window [From, To) from optional <c>from</c>/<c>to</c> (ISO 8601; UTC when no offset is given).</summary>
internal readonly record struct TracingWindow(DateTimeOffset From, DateTimeOffset To)
{
    private const int MaxInstantLength = 40;

    /// <summary>
    /// Fills a missing end from the other one and <paramref name="length"/> (both missing: the last
    /// <paramref name="length"/> up to <paramref name="now"/>); refuses unreadable instants, an empty or reversed
    /// window and one longer than <paramref name="maxLength"/>.
    /// </summary>
    public static bool TryParse(string? from, string? to, DateTimeOffset now, TimeSpan length, TimeSpan maxLength, out TracingWindow window, out string error)
    {
        window = default;
        error = "";
        DateTimeOffset? start = null, end = null;
        if (!TryInstant(from, "from", ref start, ref error) || !TryInstant(to, "to", ref end, ref error))
        {
            return false;
        }

        var (f, t) = (start, end) switch
        {
            (null, null) => (now - length, now),
            (null, { } e) => (e - length, e),
            ({ } s, null) => (s, s + length),
            ({ } s, { } e) => (s, e),
        };
        if (f >= t)
        {
            error = "from must be before to";
            return false;
        }

        if (t - f > maxLength)
        {
            error = $"the window is at most {maxLength.TotalDays:0.##} days ({maxLength.TotalHours:0} hours)";
            return false;
        }

        window = new TracingWindow(f, t);
        return true;
    }

    private static bool TryInstant(string? text, string name, ref DateTimeOffset? value, ref string error)
    {
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length > MaxInstantLength
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            error = $"{name} is not an ISO 8601 instant, e.g. 2025-03-01T08:00:00Z";
            return false;
        }

        value = parsed;
        return true;
    }
}
