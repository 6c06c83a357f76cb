using System.Globalization;

namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// How <see cref="SqliteFleetStore"/> keeps instants: fixed-width ISO 8601 UTC text with microseconds, e.g.
/// <c>2025-03-01T08:00:00.000000Z</c>. It sorts as text, SQLite's date functions read it, and its precision is
/// PostgreSQL's, so both stores truncate alike.
/// </summary>
internal static class SqliteTimestamp
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'";

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.ParseExact(
            text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
