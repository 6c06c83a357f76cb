using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.CertLogic;

/// <summary>Type tests, truthiness and equality on evaluated values, exactly as the CertLogic spec defines them.</summary>
internal static class CertLogicValues
{
    /// <summary>Deepest data that is compared or copied; deeper (hand-built) data is a limit error, not a stack overflow.</summary>
    public const int MaxDataDepth = 256;

    private const double MaxSafeInteger = 9007199254740991d;

    /// <summary>Date-times produced by plusTime/dccDateOfBirth: a JsonValue holding a DateTimeOffset.</summary>
    public static bool TryGetDateTime(JsonNode? node, out DateTimeOffset value)
    {
        if (node is JsonValue v && v.GetValue<object>() is DateTimeOffset d)
        {
            value = d;
            return true;
        }

        value = default;
        return false;
    }

    public static JsonValue FromDateTime(DateTimeOffset value) => JsonValue.Create(value);

    public static bool TryGetString(JsonNode? node, out string value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && !TryGetDateTime(node, out _))
        {
            value = v.GetValue<string>();
            return true;
        }

        value = "";
        return false;
    }

    /// <summary>An integer in the JavaScript sense (<c>Number.isInteger</c>), within the safe range.</summary>
    public static bool TryGetInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        long? exact = v.GetValue<object>() switch
        {
            JsonElement element when element.TryGetInt64(out var l) => l,
            long l => l,
            int i => i,
            _ => null,
        };
        if (exact is { } integer)
        {
            value = integer;
            return Math.Abs((double)integer) <= MaxSafeInteger;
        }

        if (TryGetNumber(v, out var d) && Math.Floor(d) == d && Math.Abs(d) <= MaxSafeInteger)
        {
            value = (long)d;
            return true;
        }

        return false;
    }

    /// <summary>Any JSON number as a double, whether parsed (JsonElement) or created from a CLR number.</summary>
    public static bool TryGetNumber(JsonValue value, out double number)
    {
        switch (value.GetValue<object>())
        {
            case JsonElement { ValueKind: JsonValueKind.Number } element:
                return element.TryGetDouble(out number);
            case IConvertible convertible and not (string or bool or char or DateTime):
                number = convertible.ToDouble(CultureInfo.InvariantCulture);
                return true;
            default:
                number = 0;
                return false;
        }
    }

    public static bool IsFalsy(JsonNode? node) => node switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.False => true,
            JsonValueKind.String => TryGetString(v, out var s) && s.Length == 0,
            JsonValueKind.Number => TryGetInteger(v, out var i) && i == 0,
            _ => false,
        },
        _ => false,
    };

    public static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Count > 0,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => TryGetString(v, out var s) && s.Length > 0,
            JsonValueKind.Number => TryGetInteger(v, out var i) && i != 0,
            _ => false,
        },
        _ => false,
    };

    /// <summary>Equality without type coercion (<c>===</c>); containers compare by content.</summary>
    public static bool StrictEquals(JsonNode? left, JsonNode? right, int depth = 0)
    {
        if (depth > MaxDataDepth)
        {
            throw new CertLogicException(CertLogicCodes.Limit, $"data nested deeper than {MaxDataDepth}");
        }

        switch (left, right)
        {
            case (null, _) or (_, null):
                return left is null && right is null;
            case (JsonArray l, JsonArray r):
                return l.Count == r.Count && l.Zip(r).All(pair => StrictEquals(pair.First, pair.Second, depth + 1));
            case (JsonObject l, JsonObject r):
                return l.Count == r.Count && l.All(pair => r.TryGetPropertyValue(pair.Key, out var other) && StrictEquals(pair.Value, other, depth + 1));
            case (JsonValue l, JsonValue r):
                return ValueEquals(l, r);
            default:
                return false;
        }
    }

    private static bool ValueEquals(JsonValue left, JsonValue right)
    {
        var leftIsDate = TryGetDateTime(left, out var leftDate);
        var rightIsDate = TryGetDateTime(right, out var rightDate);
        if (leftIsDate || rightIsDate)
        {
            return leftIsDate && rightIsDate && leftDate == rightDate;
        }

        var kind = left.GetValueKind();
        if (kind != right.GetValueKind())
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.String => left.GetValue<string>() == right.GetValue<string>(),
            JsonValueKind.Number => TryGetInteger(left, out var l) && TryGetInteger(right, out var r)
                ? l == r
                : TryGetNumber(left, out var ld) && TryGetNumber(right, out var rd) && ld.Equals(rd),
            _ => true,
        };
    }

    /// <summary>The JSON kind of a value for error messages; never the value itself (it may be personal data).</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        _ when TryGetDateTime(node, out _) => "a date-time",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        },
        _ => "unknown",
    };
}
