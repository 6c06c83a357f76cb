using System.Buffers.Text;

namespace ScanPoint.Credentials.Shc;

/// <summary>Strict base64url (RFC 4648 §5) without padding or whitespace; non-canonical trailing bits are refused.</summary>
internal static class Base64UrlText
{
    public static byte[]? TryDecode(ReadOnlySpan<char> text)
    {
        if (text.Length % 4 == 1)
        {
            return null;
        }

        if (!IsAlphabet(text))
        {
            return null;
        }

        var bytes = Base64Url.DecodeFromChars(text);
        return text.SequenceEqual(Base64Url.EncodeToString(bytes)) ? bytes : null;
    }

    /// <summary>Whether every character is in the base64url alphabet (A–Z, a–z, 0–9, '-', '_').</summary>
    public static bool IsAlphabet(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);
}
