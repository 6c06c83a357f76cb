using System.Globalization;

namespace ScanPoint.Credentials.Identity;

/// <summary>
/// A possibly partial date of birth: <c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c> (a time suffix after 'T' is ignored;
/// "00" or "XX" mean unknown) or the CCCD <c>DDMMYYYY</c>.
/// </summary>
internal readonly record struct PartialDate(int Year, int? Month, int? Day)
{
    public static PartialDate? TryParse(string text)
    {
        text = text.Trim();
        if (text.Length > 10 && text[10] == 'T')
        {
            text = text[..10];
        }

        if (text.Length == 8 && text.All(char.IsAsciiDigit))
        {
            text = $"{text[4..]}-{text[2..4]}-{text[..2]}";
        }

        var parts = text.Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || Number(parts[0]) is not { } year || year < 1)
        {
            return null;
        }

        int? month = null;
        int? day = null;
        if (parts.Length > 1 && !TryPart(parts[1], 12, out month))
        {
            return null;
        }

        if (parts.Length > 2 && (!TryPart(parts[2], 31, out day) || (day is not null && month is null)))
        {
            return null;
        }

        if (month is { } m && day is { } d && d > DateTime.DaysInMonth(year, m))
        {
            return null;
        }

        return new PartialDate(year, month, day);
    }

    private static bool TryPart(string text, int max, out int? value)
    {
        value = null;
        if (text is "00" or "XX" or "xx")
        {
            return true;
        }

        if (text.Length != 2 || Number(text) is not { } number || number < 1 || number > max)
        {
            return false;
        }

        value = number;
        return true;
    }

    private static int? Number(string text) =>
        text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
