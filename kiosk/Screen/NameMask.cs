namespace ScanPoint.Kiosk.Screen;

/// <summary>
/// The least of a name that lets a person recognise their own result: each word's first letter, the rest as
/// asterisks (at most 4), e.g. <c>NGUYEN VAN AN</c> → <c>N**** V** A*</c>.
/// </summary>
public static class NameMask
{
    public static string? Mask(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', words.Take(6).Select(w =>
        {
            var first = char.IsSurrogate(w[0]) && w.Length > 1 ? w[..2] : w[..1];
            return first + new string('*', Math.Clamp(System.Globalization.StringInfo.ParseCombiningCharacters(w).Length - 1, 1, 4));
        }));
    }
}
