using System.Globalization;
using System.Text.RegularExpressions;

namespace ScanPoint.Credentials.CertLogic;

/// <summary>
/// Date-time parsing and offsetting for <c>plusTime</c> and <c>dccDateOfBirth</c>: the spec's formats only,
/// millisecond precision (later decimals dropped), UTC results, JavaScript <c>Date.setUTC…</c> arithmetic.
/// </summary>
internal static partial class CertLogicDateTimes
{
    public static readonly IReadOnlyList<string> TimeUnits = ["year", "month", "day", "hour"];

    public static DateTimeOffset PlusTime(string text, long amount, string unit)
    {
        var start = Parse(text);
        try
        {
            var result = unit switch
            {
                "year" => FromParts(start.Year + amount, start.Month, start.Day, start.TimeOfDay),
                "month" => PlusMonths(start, amount),
                "day" => start.AddDays(amount),
                "hour" => start.AddHours(amount),
                _ => throw new CertLogicException($"\"unit\" argument (#3) of \"plusTime\" must be one of {string.Join(", ", TimeUnits)}"),
            };
            return new DateTimeOffset(result, TimeSpan.Zero);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CertLogicException("result of \"plusTime\" is out of the supported date range", e);
        }
    }

    /// <summary>YYYY → YYYY-12-31, YYYY-MM → last day of that month, YYYY-MM-DD → that day; all 00:00Z.</summary>
    public static DateTimeOffset DateOfBirth(string text)
    {
        var match = PartialDate().Match(text);
        if (!match.Success)
        {
            throw new CertLogicException("operand of \"dccDateOfBirth\" is not a date in the format YYYY, YYYY-MM or YYYY-MM-DD");
        }

        return new DateTimeOffset(FromPartialDate(match), TimeSpan.Zero);
    }

    private static DateTime Parse(string text)
    {
        var partial = PartialDate().Match(text);
        if (partial.Success)
        {
            return FromPartialDate(partial);
        }

        var m = FullDateTime().Match(text);
        if (!m.Success)
        {
            throw new CertLogicException("date argument of \"plusTime\" is not a date(-time) in an allowed format");
        }

        if (Number(m.Groups["h"].Value) > 23 || Number(m.Groups["mi"].Value) > 59 || Number(m.Groups["s"].Value) > 59
            || (m.Groups["om"].Success && Number(m.Groups["om"].Value) > 59))
        {
            throw new CertLogicException("date-time has a time or offset out of range");
        }

        var fraction = m.Groups["f"].Success ? m.Groups["f"].Value : "";
        var milliseconds = fraction.Length == 0 ? 0 : Number(fraction.PadRight(3, '0')[..3]);
        var local = FromParts(Number(m.Groups["y"].Value), Number(m.Groups["mo"].Value), Number(m.Groups["d"].Value),
            new TimeSpan(0, Number(m.Groups["h"].Value), Number(m.Groups["mi"].Value), Number(m.Groups["s"].Value), milliseconds),
            strict: true);
        if (m.Groups["sign"].Success)
        {
            var offset = new TimeSpan(Number(m.Groups["oh"].Value), m.Groups["om"].Success ? Number(m.Groups["om"].Value) : 0, 0);
            local = m.Groups["sign"].Value == "-" ? local.Add(offset) : local.Subtract(offset);
        }

        return local;
    }

    private static DateTime FromPartialDate(Match match)
    {
        var year = Number(match.Groups["y"].Value);
        if (!match.Groups["mo"].Success)
        {
            return FromParts(year, 12, 31, TimeSpan.Zero, strict: true);
        }

        var month = Number(match.Groups["mo"].Value);
        if (month is < 1 or > 12 || year < 1)
        {
            throw new CertLogicException("date has a month out of range");
        }

        var day = match.Groups["d"].Success ? Number(match.Groups["d"].Value) : DateTime.DaysInMonth(year, month);
        return FromParts(year, month, day, TimeSpan.Zero, strict: true);
    }

    private static DateTime PlusMonths(DateTime start, long amount)
    {
        var months = (start.Year * 12L) + start.Month - 1 + amount;
        return FromParts(Math.DivRem(months, 12L, out var rem) - (rem < 0 ? 1 : 0), (int)(((rem % 12) + 12) % 12) + 1, start.Day, start.TimeOfDay);
    }

    /// <summary>Like JavaScript's Date.UTC: a day past the month's end rolls into the next month (unless strict).</summary>
    private static DateTime FromParts(long year, int month, int day, TimeSpan timeOfDay, bool strict = false)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || timeOfDay >= TimeSpan.FromDays(1))
        {
            throw new CertLogicException("date(-time) is out of range");
        }

        if (strict && day > DateTime.DaysInMonth((int)year, month))
        {
            throw new CertLogicException("date has a day out of range");
        }

        return new DateTime((int)year, month, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(day - 1).Add(timeOfDay);
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<mo>\d{2})(?:-(?<d>\d{2}))?)?$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex PartialDate();

    [GeneratedRegex(
        @"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})T(?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})(?:\.(?<f>\d{1,32}))?(?:Z|(?<sign>[+-])(?<oh>\d{1,2})(?::?(?<om>\d{2}))?)?$",
        RegexOptions.CultureInvariant, 100)]
    private static partial Regex FullDateTime();
}
