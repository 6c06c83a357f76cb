using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ScanPoint.Credentials.Dcc.Schema;

/// <summary>Checks a schema before use: known keywords only, well-typed values, patterns compiled, local $refs resolved.</summary>
internal sealed class SchemaLoader(JsonObject root)
{
    private const int MaxDepth = 64;

    public Dictionary<string, Regex> Patterns { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonNode> Refs { get; } = new(StringComparer.Ordinal);

    /// <summary>The first problem with the schema, or null.</summary>
    public string? Check(JsonNode? schema, int depth)
    {
        if (depth > MaxDepth)
        {
            return "depth";
        }

        if (schema is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return null;
        }

        if (schema is not JsonObject obj)
        {
            return "not a schema";
        }

        foreach (var (keyword, child) in obj)
        {
            if (CheckKeyword(keyword, child, depth) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private string? CheckKeyword(string keyword, JsonNode? value, int depth)
    {
        if (SchemaKeywords.SchemaMaps.Contains(keyword))
        {
            return value is JsonObject map ? map.Select(p => Check(p.Value, depth + 1)).FirstOrDefault(p => p is not null) : keyword;
        }

        if (SchemaKeywords.SchemaLists.Contains(keyword))
        {
            return value is JsonArray { Count: > 0 } list ? list.Select(s => Check(s, depth + 1)).FirstOrDefault(p => p is not null) : keyword;
        }

        if (SchemaKeywords.SingleSchema.Contains(keyword))
        {
            return Check(value, depth + 1);
        }

        if (SchemaKeywords.Annotations.Contains(keyword))
        {
            return null;
        }

        return keyword switch
        {
            "$ref" => Resolve(value),
            "pattern" => Compile(value),
            "type" => IsTypeList(value) ? null : keyword,
            "required" => value is JsonArray names && names.All(n => IsString(n)) ? null : keyword,
            "enum" => value is JsonArray ? null : keyword,
            "const" => null,
            "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" => SchemaTypes.Number(value) is null ? keyword : null,
            "minItems" or "maxItems" or "minLength" or "maxLength" => SchemaTypes.Number(value) is >= 0 ? null : keyword,
            _ => $"unsupported keyword {keyword}",
        };
    }

    private string? Resolve(JsonNode? value)
    {
        if (!IsString(value) || value!.GetValue<string>() is not { } reference || !reference.StartsWith('#'))
        {
            return "$ref not local";
        }

        JsonNode? target = root;
        foreach (var segment in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            target = target is JsonObject obj && obj.TryGetPropertyValue(name, out var next) ? next : null;
        }

        if (target is null)
        {
            return "$ref unresolved";
        }

        Refs[reference] = target;
        return null;
    }

    private string? Compile(JsonNode? value)
    {
        if (!IsString(value))
        {
            return "pattern";
        }

        var pattern = value!.GetValue<string>();
        try
        {
            Patterns[pattern] = new Regex(AsciiDigits(pattern), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException)
        {
            return "pattern";
        }
    }

    /// <summary>ECMA-262 <c>\d</c> is [0-9]; .NET's would also match other scripts' digits.</summary>
    private static string AsciiDigits(string pattern)
    {
        var result = new StringBuilder(pattern.Length);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                result.Append(next == 'd' ? (inClass ? "0-9" : "[0-9]") : $"\\{next}");
                continue;
            }

            inClass = c == '[' || (inClass && c != ']');
            result.Append(c);
        }

        return result.ToString();
    }

    private static bool IsTypeList(JsonNode? value) =>
        IsString(value) || (value is JsonArray list && list.All(t => IsString(t)));

    private static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;
}
