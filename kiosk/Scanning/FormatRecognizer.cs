using ScanPoint.Contracts.CheckIns;

namespace ScanPoint.Kiosk.Scanning;

/// <summary>Names a scanned text's code format from its shape alone (prefixes and structure); verifies nothing.</summary>
public static class FormatRecognizer
{
    public static string Recognize(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.StartsWith("HC1:", StringComparison.Ordinal))
        {
            return CodeFormats.Dcc;
        }

        if (t.StartsWith("shc:/", StringComparison.OrdinalIgnoreCase))
        {
            return CodeFormats.SmartHealthCard;
        }

        if (t.StartsWith("DCL1:", StringComparison.Ordinal))
        {
            return CodeFormats.DeclarationPass;
        }

        if (t.StartsWith("{", StringComparison.Ordinal) && t.Contains("\"sig\"", StringComparison.Ordinal) && t.Contains("\"data\"", StringComparison.Ordinal))
        {
            return CodeFormats.VdsNc;
        }

        return IsCitizenId(t) ? CodeFormats.CitizenId : CodeFormats.Unknown;
    }

    /// <summary>CCCD QR: 12-digit id, then '|'-separated fields (old id, name, birth date, sex, address, issue date).</summary>
    private static bool IsCitizenId(ReadOnlySpan<char> t)
    {
        var bar = t.IndexOf('|');
        if (bar != 12)
        {
            return false;
        }

        foreach (var c in t[..12])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return t.Count('|') >= 4;
    }
}
