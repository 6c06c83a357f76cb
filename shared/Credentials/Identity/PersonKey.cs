using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ScanPoint.Credentials.Identity;

/// <summary>
/// A stable pseudonymous key for tracing one person across codes of different formats: base64url SHA-256 of
/// <c>scanpoint/person-key/v1</c>, the name folded as <see cref="IdentityMatcher"/> folds it (diacritics, đ, case,
/// '&lt;' fillers) with its tokens sorted (family/given order does not matter), and the date of birth normalised to
/// YYYY[-MM[-DD]]. A DCC's "NGUYEN&lt;&lt;VAN&lt;A" and a citizen-ID card's "Nguyễn Văn A" with the same birth date give
/// the same key. It is a pseudonym, not anonymisation: name and birth date are guessable inputs.
/// </summary>
public static class PersonKey
{
    public const string DomainPrefix = "scanpoint/person-key/v1";

    /// <summary>The key, or null when the name holds no letters or digits.</summary>
    public static string? Of(string? name, string? dateOfBirth)
    {
        var tokens = NameFolding.Tokens(name).Order(StringComparer.Ordinal).ToList();
        if (tokens.Count == 0)
        {
            return null;
        }

        var text = $"{DomainPrefix}\n{string.Join(' ', tokens)}\n{NormalizeDate(dateOfBirth)}";
        return System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD (from any form <see cref="IdentityMatcher"/> accepts); null if not a date.</summary>
    public static string? NormalizeDate(string? dateOfBirth)
    {
        if (string.IsNullOrWhiteSpace(dateOfBirth) || PartialDate.TryParse(dateOfBirth) is not { } date)
        {
            return null;
        }

        var text = date.Year.ToString("D4", CultureInfo.InvariantCulture);
        if (date.Month is { } month)
        {
            text += "-" + month.ToString("D2", CultureInfo.InvariantCulture);
            if (date.Day is { } day)
            {
                text += "-" + day.ToString("D2", CultureInfo.InvariantCulture);
            }
        }

        return text;
    }

}
