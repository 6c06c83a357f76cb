using System.Buffers;
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

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        // The OperationStatus overload reports bad input; the Try… and array overloads throw FormatException.
        if (Base64Url.DecodeFromChars(text, buffer, out _, out var written) != OperationStatus.Done)
        {
            return null;
        }

        var bytes = buffer.AsSpan(0, written).ToArray();
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
