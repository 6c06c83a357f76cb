using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ScanPoint.Credentials.Dcc.Schema;

/// <summary>
/// A small, bounded JSON Schema 2020-12 validator for self-contained schemas (local <c>$ref</c> only) using
/// the keywords in <see cref="SchemaKeywords"/>. Patterns run without backtracking; <c>\d</c> means ASCII digits.
/// </summary>
internal sealed class JsonSchemaValidator
{
    private const int MaxDepth = 64;

    private readonly JsonObject _root;
    private readonly Dictionary<string, Regex> _patterns;
    private readonly Dictionary<string, JsonNode> _refs;

    private JsonSchemaValidator(JsonObject root, Dictionary<string, Regex> patterns, Dictionary<string, JsonNode> refs)
    {
        _root = root;
        _patterns = patterns;
        _refs = refs;
    }

    /// <summary>Checks every keyword, compiles every pattern and resolves every $ref; null with a reason when not possible.</summary>
    public static JsonSchemaValidator? TryCreate(JsonObject? root, out string? reason)
    {
        if (root is null)
        {
            reason = "not an object";
            return null;
        }

        var loader = new SchemaLoader(root);
        reason = loader.Check(root, 0);
        return reason is null ? new JsonSchemaValidator(root, loader.Patterns, loader.Refs) : null;
    }

    /// <summary>The first error as "/pointer: keyword", or null when the instance is valid.</summary>
    public string? FirstError(JsonNode? instance) => Validate(_root, instance, "", 0);

    private string? Validate(JsonNode schema, JsonNode? instance, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            return Error(path, "depth");
        }

        if (schema is JsonValue boolean)
        {
            return boolean.GetValue<bool>() ? null : Error(path, "false");
        }

        foreach (var (keyword, value) in schema.AsObject())
        {
            if (SchemaKeywords.Assertions.Contains(keyword) && Check(keyword, value!, instance, path, depth) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private string? Check(string keyword, JsonNode value, JsonNode? instance, string path, int depth) => keyword switch
    {
        "$ref" => Validate(_refs[value.GetValue<string>()], instance, path, depth + 1),
        "type" => SchemaTypes.Matches(value, instance) ? null : Error(path, keyword),
        "properties" => CheckProperties(value.AsObject(), instance, path, depth),
        "additionalProperties" => CheckAdditional(value, instance, path, depth),
        "required" => CheckRequired(value.AsArray(), instance, path),
        "items" => CheckItems(value, instance, path, depth),
        "pattern" => instance is JsonValue v && SchemaTypes.String(v) is { } s && !_patterns[value.GetValue<string>()].IsMatch(s)
            ? Error(path, keyword) : null,
        "oneOf" or "anyOf" or "allOf" => CheckCombination(keyword, value.AsArray(), instance, path, depth),
        "not" => Validate(value, instance, path, depth + 1) is null ? Error(path, keyword) : null,
        _ => SchemaTypes.CheckBound(keyword, value, instance) ? null : Error(path, keyword),
    };

    private string? CheckProperties(JsonObject properties, JsonNode? instance, string path, int depth)
    {
        if (instance is not JsonObject obj)
        {
            return null;
        }

        foreach (var (name, schema) in properties)
        {
            if (obj.TryGetPropertyValue(name, out var child) && Validate(schema!, child, Child(path, name), depth + 1) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private string? CheckAdditional(JsonNode schema, JsonNode? instance, string path, int depth)
    {
        if (instance is not JsonObject obj)
        {
            return null;
        }

        var known = Parent(schema)?["properties"] as JsonObject;
        foreach (var (name, child) in obj)
        {
            if (known?.ContainsKey(name) != true && Validate(schema, child, Child(path, name), depth + 1) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static string? CheckRequired(JsonArray required, JsonNode? instance, string path) =>
        instance is JsonObject obj
            ? required.Select(r => r!.GetValue<string>()).Where(n => !obj.ContainsKey(n)).Select(n => Error(Child(path, n), "required")).FirstOrDefault()
            : null;

    private string? CheckItems(JsonNode schema, JsonNode? instance, string path, int depth)
    {
        if (instance is not JsonArray array)
        {
            return null;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (Validate(schema, array[i], Child(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), depth + 1) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private string? CheckCombination(string keyword, JsonArray schemas, JsonNode? instance, string path, int depth)
    {
        var errors = schemas.Select(s => Validate(s!, instance, path, depth + 1)).ToList();
        var passed = errors.Count(e => e is null);
        return keyword switch
        {
            "allOf" => errors.FirstOrDefault(e => e is not null),
            "anyOf" => passed > 0 ? null : Error(path, keyword),
            _ => passed == 1 ? null : Error(path, keyword),
        };
    }

    private static JsonObject? Parent(JsonNode schema) => schema.Parent as JsonObject;

    private static string Child(string path, string name) => $"{path}/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";

    private static string Error(string path, string keyword) => $"{(path.Length == 0 ? "/" : path)}: {keyword}";
}
