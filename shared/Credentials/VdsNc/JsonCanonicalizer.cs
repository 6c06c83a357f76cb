using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.VdsNc;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme (JCS): members sorted by UTF-16 code units, no whitespace, strings with
/// minimal escapes, numbers as ECMAScript <c>Number.prototype.toString</c>. ICAO VDS-NC signs JCS(<c>data</c>).
/// </summary>
internal static class JsonCanonicalizer
{
    /// <summary>The canonical UTF-8 bytes, or null when the node holds something JCS cannot express (lone surrogate, non-finite number).</summary>
    public static byte[]? TryCanonicalize(JsonNode? node)
    {
        try
        {
            var builder = new StringBuilder();
            return TryWrite(node, builder) ? new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(builder.ToString()) : null;
        }
        catch (Exception e) when (e is EncoderFallbackException or InvalidOperationException)
        {
            return null; // lone surrogate, escaped or not
        }
    }

    private static bool TryWrite(JsonNode? node, StringBuilder builder)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                return true;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? "" : ",");
                    first = false;
                    WriteString(name, builder);
                    builder.Append(':');
                    if (!TryWrite(value, builder))
                    {
                        return false;
                    }
                }

                builder.Append('}');
                return true;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    if (!TryWrite(array[i], builder))
                    {
                        return false;
                    }
                }

                builder.Append(']');
                return true;
            case JsonValue value:
                return TryWriteValue(value, builder);
            default:
                return false;
        }
    }

    private static bool TryWriteValue(JsonValue value, StringBuilder builder)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(value.GetValue<string>(), builder);
                return true;
            case JsonValueKind.True:
                builder.Append("true");
                return true;
            case JsonValueKind.False:
                builder.Append("false");
                return true;
            case JsonValueKind.Null:
                builder.Append("null");
                return true;
            case JsonValueKind.Number when double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && double.IsFinite(number):
                builder.Append(FormatNumber(number));
                return true;
            default:
                return false;
        }
    }

    private static void WriteString(string text, StringBuilder builder)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\b' => builder.Append("\\b"),
                '\t' => builder.Append("\\t"),
                '\n' => builder.Append("\\n"),
                '\f' => builder.Append("\\f"),
                '\r' => builder.Append("\\r"),
                < ' ' => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        builder.Append('"');
    }

    /// <summary>ECMAScript Number::toString for a finite double (shortest round-trip digits).</summary>
    internal static string FormatNumber(double number)
    {
        if (number == 0)
        {
            return "0";
        }

        if (number < 0)
        {
            return "-" + FormatNumber(-number);
        }

        // "R" gives the shortest round-trip digits, e.g. "123.45", "1E+21", "1.5E-07".
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(text.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = point < 0 ? mantissa.Length : point;
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        var k = digits.Length;
        var n = exponent + integerDigits - leadingZeros;

        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return digits[..n] + "." + digits[n..];
        }

        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }

        var e = n - 1;
        var exponentText = (e >= 0 ? "+" : "-") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        return k == 1 ? digits + "e" + exponentText : digits[..1] + "." + digits[1..] + "e" + exponentText;
    }
}
