using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.Dcc.Schema;

/// <summary>JSON Schema type, length, count, range, enum and const checks on <see cref="JsonNode"/> instances.</summary>
internal static class SchemaTypes
{
    public static bool Matches(JsonNode type, JsonNode? instance) =>
        type is JsonArray any ? any.Any(t => Is(t!.GetValue<string>(), instance)) : Is(type.GetValue<string>(), instance);

    public static string? String(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number : null;

    /// <summary>minLength/maxLength (code points), minItems/maxItems, minimum/maximum (exclusive too), enum, const.</summary>
    public static bool CheckBound(string keyword, JsonNode bound, JsonNode? instance)
    {
        switch (keyword)
        {
            case "enum":
                return bound.AsArray().Any(e => JsonNode.DeepEquals(e, instance));
            case "const":
                return JsonNode.DeepEquals(bound, instance);
            case "minLength" or "maxLength":
                return instance is not JsonValue v || String(v) is not { } s || Within(keyword, CodePoints(s), bound);
            case "minItems" or "maxItems":
                return instance is not JsonArray a || Within(keyword, a.Count, bound);
            default:
                return Number(instance) is not { } n || Within(keyword, n, bound);
        }
    }

    private static bool Within(string keyword, double actual, JsonNode bound)
    {
        var limit = Number(bound) ?? double.NaN;
        return keyword switch
        {
            "minLength" or "minItems" or "minimum" => actual >= limit,
            "maxLength" or "maxItems" or "maximum" => actual <= limit,
            "exclusiveMinimum" => actual > limit,
            "exclusiveMaximum" => actual < limit,
            _ => false,
        };
    }

    private static bool Is(string type, JsonNode? instance) => type switch
    {
        "null" => instance is null || (instance is JsonValue n && n.GetValueKind() == JsonValueKind.Null),
        "object" => instance is JsonObject,
        "array" => instance is JsonArray,
        "string" => instance is JsonValue s && s.GetValueKind() == JsonValueKind.String,
        "boolean" => instance is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => Number(instance) is not null,
        "integer" => Number(instance) is { } i && Math.Floor(i) == i && !double.IsInfinity(i),
        _ => false,
    };

    private static int CodePoints(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                count++;
            }
        }

        return count;
    }
}
