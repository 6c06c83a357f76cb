using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ScanPoint.FleetServer.Tests.Relay;

/// <summary>
/// The subset of JSON Schema 2020-12 that <c>national-intake.openapi.json</c> uses: <c>$ref</c> to component schemas,
/// <c>type</c>, <c>required</c>, <c>properties</c>, <c>additionalProperties: false</c>, <c>items</c>, <c>minItems</c>,
/// <c>maxItems</c>, <c>minLength</c>, <c>maxLength</c>, <c>pattern</c>, <c>minimum</c>, <c>enum</c> and the formats
/// <c>date-time</c> and <c>date</c>. A keyword outside that set fails the test, so the document cannot say more than is
/// checked. (The registry serves no general validator whose dependencies it also serves.)
/// </summary>
internal sealed class SchemaValidator(JsonObject components)
{
    private static readonly HashSet<string> Annotations = ["description", "examples", "title", "format"];
    private static readonly HashSet<string> Checked =
        ["$ref", "type", "required", "properties", "additionalProperties", "items", "minItems", "maxItems", "minLength", "maxLength", "pattern", "minimum", "enum"];

    public List<string> Errors { get; } = [];

    public void Validate(JsonNode schema, JsonElement value, string at)
    {
        foreach (var keyword in schema.AsObject().Select(k => k.Key).Where(k => !Annotations.Contains(k) && !Checked.Contains(k)))
        {
            throw new NotSupportedException($"schema keyword '{keyword}' at {at} is not checked by {nameof(SchemaValidator)}");
        }

        if (schema["$ref"] is { } reference)
        {
            Validate(components[reference.GetValue<string>().Replace("#/components/schemas/", "", StringComparison.Ordinal)]!, value, at);
        }

        if (schema["type"]?.GetValue<string>() is { } type && !HasType(value, type))
        {
            Errors.Add($"{at}: expected {type}, got {value.ValueKind}");
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, JsonNode.Parse(value.GetRawText()))))
        {
            Errors.Add($"{at}: {value.GetRawText()} is not one of {allowed.ToJsonString()}");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                ValidateObject(schema, value, at);
                break;
            case JsonValueKind.Array:
                ValidateArray(schema, value, at);
                break;
            case JsonValueKind.String:
                ValidateString(schema, value.GetString()!, at);
                break;
            case JsonValueKind.Number when schema["minimum"] is { } minimum && value.GetDecimal() < minimum.GetValue<decimal>():
                Errors.Add($"{at}: {value} is below {minimum}");
                break;
        }
    }

    private void ValidateObject(JsonNode schema, JsonElement value, string at)
    {
        var properties = schema["properties"]?.AsObject();
        foreach (var name in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            if (!value.TryGetProperty(name, out _))
            {
                Errors.Add($"{at}: required property '{name}' is missing");
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            if (properties?[property.Name] is { } propertySchema)
            {
                Validate(propertySchema, property.Value, $"{at}/{property.Name}");
            }
            else if (schema["additionalProperties"]?.GetValue<bool>() == false)
            {
                Errors.Add($"{at}: property '{property.Name}' is not in the schema");
            }
        }
    }

    private void ValidateArray(JsonNode schema, JsonElement value, string at)
    {
        var count = value.GetArrayLength();
        if (count < (schema["minItems"]?.GetValue<int>() ?? 0) || count > (schema["maxItems"]?.GetValue<int>() ?? int.MaxValue))
        {
            Errors.Add($"{at}: {count} items is out of range");
        }

        if (schema["items"] is { } items)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Validate(items, item, $"{at}/{i++}");
            }
        }
    }

    private void ValidateString(JsonNode schema, string text, string at)
    {
        if (text.Length < (schema["minLength"]?.GetValue<int>() ?? 0) || text.Length > (schema["maxLength"]?.GetValue<int>() ?? int.MaxValue))
        {
            Errors.Add($"{at}: length {text.Length} is out of range");
        }

        if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            Errors.Add($"{at}: '{text}' does not match {pattern}");
        }

        var ok = schema["format"]?.GetValue<string>() switch
        {
            "date-time" => Regex.IsMatch(text, @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", RegexOptions.None, TimeSpan.FromSeconds(1))
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
        if (!ok)
        {
            Errors.Add($"{at}: '{text}' is not a {schema["format"]}");
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => throw new NotSupportedException($"type '{type}'"),
    };
}
