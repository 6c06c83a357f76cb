using System.Text;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Shc;

/// <summary>
/// Stage 2: SHC numeric mode. Each pair of digits is a character code minus 45, so a pair is 00 … 77
/// (<c>-</c> … <c>z</c>). Anything but ASCII digits, an odd length or a pair above 77 is SHC_NUMERIC.
/// </summary>
public static class ShcNumericStage
{
    /// <summary>The highest pair value: 'z' (122) - 45.</summary>
    public const int MaxPair = 77;

    public static StageResult<string> TryDecode(string digits)
    {
        if (digits.Length > 2 * ShcJwsStage.MaxJwsLength)
        {
            return StageResult<string>.Reject(VerdictCodes.TooLarge);
        }

        if (digits.Length == 0 || digits.Length % 2 != 0)
        {
            return StageResult<string>.Reject(VerdictCodes.ShcNumeric);
        }

        var text = new StringBuilder(digits.Length / 2);
        for (var i = 0; i < digits.Length; i += 2)
        {
            char high = digits[i], low = digits[i + 1];
            if (!char.IsAsciiDigit(high) || !char.IsAsciiDigit(low))
            {
                return StageResult<string>.Reject(VerdictCodes.ShcNumeric);
            }

            var pair = ((high - '0') * 10) + (low - '0');
            if (pair > MaxPair)
            {
                return StageResult<string>.Reject(VerdictCodes.ShcNumeric);
            }

            text.Append((char)(pair + 45));
        }

        return StageResult<string>.Ok(text.ToString());
    }

    /// <summary>The numeric-mode digits of a JWS (characters '-' … 'z' only); used by tests and issuers.</summary>
    public static string Encode(string jws)
    {
        var digits = new StringBuilder(jws.Length * 2);
        foreach (var c in jws)
        {
            var pair = c - 45;
            if (pair is < 0 or > MaxPair)
            {
                throw new ArgumentException("character outside '-' … 'z'", nameof(jws));
            }

            digits.Append(pair.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return digits.ToString();
    }
}
