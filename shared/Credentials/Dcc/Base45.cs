namespace ScanPoint.Credentials.Dcc;

/// <summary>Base45 (RFC 9285), written out: 2 bytes ↔ 3 characters, a last single byte ↔ 2 characters.</summary>
public static class Base45
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private static readonly sbyte[] Values = BuildValues();

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[(data.Length / 2 * 3) + (data.Length % 2 * 2)];
        var o = 0;
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            var n = (data[i] << 8) | data[i + 1];
            chars[o++] = Alphabet[n % 45];
            chars[o++] = Alphabet[n / 45 % 45];
            chars[o++] = Alphabet[n / (45 * 45)];
        }

        if (data.Length % 2 == 1)
        {
            var n = data[^1];
            chars[o++] = Alphabet[n % 45];
            chars[o] = Alphabet[n / 45];
        }

        return new string(chars);
    }

    /// <summary>Decodes; false on a character outside the alphabet, a length of 3k+1, or a group out of range.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        if (text.Length % 3 == 1)
        {
            return false;
        }

        var output = new byte[(text.Length / 3 * 2) + (text.Length % 3 == 2 ? 1 : 0)];
        var o = 0;
        for (var i = 0; i < text.Length; i += 3)
        {
            var remaining = Math.Min(3, text.Length - i);
            var n = 0;
            var factor = 1;
            for (var j = 0; j < remaining; j++)
            {
                var c = text[i + j];
                var v = c < 128 ? Values[c] : (sbyte)-1;
                if (v < 0)
                {
                    return false;
                }

                n += v * factor;
                factor *= 45;
            }

            if (remaining == 3)
            {
                if (n > 0xFFFF)
                {
                    return false;
                }

                output[o++] = (byte)(n >> 8);
                output[o++] = (byte)n;
            }
            else
            {
                if (n > 0xFF)
                {
                    return false;
                }

                output[o++] = (byte)n;
            }
        }

        data = output;
        return true;
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
