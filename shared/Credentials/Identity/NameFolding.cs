using System.Globalization;
using System.Text;

namespace ScanPoint.Credentials.Identity;

/// <summary>
/// Folds a name for comparison: NFD with combining marks removed, đ/Đ → d, upper case (invariant), and every run of
/// non-letters/digits (spaces, punctuation, ICAO '&lt;' fillers) as one token separator.
/// </summary>
internal static class NameFolding
{
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

            builder.Append(c switch
            {
                'đ' or 'Đ' or 'ð' or 'Ð' => 'D',
                'ø' or 'Ø' => 'O',
                'ł' or 'Ł' => 'L',
                'ß' => 'S',
                _ => char.ToUpperInvariant(c),
            });
        }

        return builder.ToString();
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
