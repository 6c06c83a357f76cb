using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.CertLogic;

/// <summary>Type tests, truthiness and equality on evaluated values, exactly as the CertLogic spec defines them.</summary>
internal static class CertLogicValues
{
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

        if (v.TryGetValue(out long l))
        {
            value = l;
            return Math.Abs((double)l) <= MaxSafeInteger;
        }

        if (v.TryGetValue(out double d) && Math.Floor(d) == d && Math.Abs(d) <= MaxSafeInteger)
        {
            value = (long)d;
            return true;
        }

        return false;
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
    public static bool StrictEquals(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (TryGetDateTime(left, out var leftDate) || TryGetDateTime(right, out _))
        {
            return TryGetDateTime(right, out var rightDate) && TryGetDateTime(left, out _) && leftDate == rightDate;
        }

        if (TryGetInteger(left, out var leftInt) && TryGetInteger(right, out var rightInt))
        {
            return leftInt == rightInt;
        }

        return JsonNode.DeepEquals(left, right);
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
