using System.Globalization;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tracing;

/// <summary>How tracing check-ins are shown: JSON objects and CSV rows.</summary>
internal static class TracingRows
{
    public static readonly string[] Header = ["site", "province", "device", "at", "verdict", "person_key", "name", "birth_date"];

    public sealed record Row(string Site, string Province, string Device, DateTimeOffset At, string Verdict, string? PersonKey, string? Name, string? BirthDate);

    public static Row ToJson(TracingCheckIn c) => new(c.SiteId, c.Province, c.DeviceId, c.At, c.Verdict, c.PersonKey, c.Name, c.BirthDate);

    public static string?[] ToCsv(TracingCheckIn c) =>
        [c.SiteId, c.Province, c.DeviceId, Instant(c.At), c.Verdict, c.PersonKey, c.Name, c.BirthDate];

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static IResult Csv(string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        Results.File(System.Text.Encoding.UTF8.GetBytes(TracingCsv.Write(header, rows)), "text/csv; charset=utf-8", name);

    public static Dictionary<string, string?> Parameters(params (string Name, string? Value)[] values) =>
        values.Where(v => v.Value is not null).ToDictionary(v => v.Name, v => v.Value);
}
