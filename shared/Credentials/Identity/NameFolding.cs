using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ScanPoint.Credentials.Identity;

/// <summary>
/// Folds a name for comparison: NFD with combining marks removed, đ/Đ → d, upper case (invariant), and every run of
/// non-letters/digits (spaces, punctuation, ICAO '&lt;' fillers) as one token separator.
/// </summary>
internal static class NameFolding
{
    /// <summary>
    /// Precomposed letters by base letter. The build runs with invariant globalization, where
    /// <see cref="string.Normalize()"/> may leave precomposed letters as they are, so the Vietnamese alphabet (and
    /// common Latin letters) fold through this table; combining marks of decomposed input are dropped by category.
    /// </summary>
    private static readonly FrozenDictionary<char, char> BaseLetters = BuildBaseLetters(
        ("a", "àáảãạăằắẳẵặâầấẩẫậäåāąǎ"),
        ("c", "çćčĉċ"),
        ("d", "đď"),
        ("e", "èéẻẽẹêềếểễệëēęěė"),
        ("g", "ğĝġģ"),
        ("i", "ìíỉĩịîïīįı"),
        ("l", "ľĺļł"),
        ("n", "ñńňņ"),
        ("o", "òóỏõọôồốổỗộơờớởỡợöøōő"),
        ("r", "řŕŗ"),
        ("s", "šśşŝș"),
        ("t", "ťţț"),
        ("u", "ùúủũụưừứửữựûüūůűų"),
        ("y", "ỳýỷỹỵÿŷ"),
        ("z", "žźż"));

    public static string Fold(string text)
    {
        string decomposed;
        try
        {
            decomposed = text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            decomposed = text; // lone surrogates: compare as given
        }

        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            builder.Append(char.ToUpperInvariant(BaseLetters.TryGetValue(lower, out var letter) ? letter : lower));
        }

        return builder.ToString();
    }

    private static FrozenDictionary<char, char> BuildBaseLetters(params (string Base, string Variants)[] groups)
    {
        var map = new Dictionary<char, char>();
        foreach (var (letter, variants) in groups)
        {
            foreach (var variant in variants)
            {
                map[variant] = letter[0];
                map[char.ToUpperInvariant(variant)] = letter[0];
            }
        }

        map['ß'] = 's';
        map['ð'] = 'd';
        map['Ð'] = 'd';
        return map.ToFrozenDictionary();
    }

    /// <summary>The folded tokens of <paramref name="text"/>, in order; empty for null or punctuation only.</summary>
    public static IReadOnlyList<string> Tokens(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
