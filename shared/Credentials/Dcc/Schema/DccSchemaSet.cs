using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.Dcc.Schema;

/// <summary>
/// The official DCC payload schemas, handed in by the caller as text per version. A payload is checked
/// against the schema of its <c>ver</c>, else the newest one not newer than it (1.3.0 for 1.3.9).
/// </summary>
public sealed class DccSchemaSet
{
    private readonly SortedList<Version, JsonSchemaValidator> _schemas;

    private DccSchemaSet(SortedList<Version, JsonSchemaValidator> schemas, IReadOnlyList<string> errors)
    {
        _schemas = schemas;
        Errors = errors;
    }

    /// <summary>Schemas that could not be loaded, as "version: reason"; they are left out of the set.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The loaded versions, oldest first.</summary>
    public IReadOnlyList<string> Versions => _schemas.Keys.Select(v => v.ToString(3)).ToList();

    /// <summary>Loads each schema (version "major.minor.patch" → schema JSON); bad ones go to <see cref="Errors"/>.</summary>
    public static DccSchemaSet FromJson(IReadOnlyDictionary<string, string> schemaJsonByVersion)
    {
        ArgumentNullException.ThrowIfNull(schemaJsonByVersion);
        var schemas = new SortedList<Version, JsonSchemaValidator>();
        var errors = new List<string>();
        foreach (var (text, json) in schemaJsonByVersion)
        {
            if (ParseVersion(text) is not { } version)
            {
                errors.Add($"{text}: version");
                continue;
            }

            if (Load(json, out var reason) is not { } validator)
            {
                errors.Add($"{text}: {reason}");
                continue;
            }

            schemas[version] = validator;
        }

        return new DccSchemaSet(schemas, errors);
    }

    /// <summary>Validates the hcert payload against the schema its <c>ver</c> selects.</summary>
    public DccSchemaResult Validate(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var ver = payload["ver"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (ParseVersion(ver) is not { } version)
        {
            return new DccSchemaResult(null, "/ver: version");
        }

        var selected = _schemas.Keys.LastOrDefault(k => k <= version);
        if (selected is null)
        {
            return new DccSchemaResult(null, "/ver: no schema");
        }

        return new DccSchemaResult(selected.ToString(3), _schemas[selected].FirstError(payload));
    }

    private static JsonSchemaValidator? Load(string json, out string? reason)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            reason = "not JSON";
            return null;
        }

        return JsonSchemaValidator.TryCreate(root as JsonObject, out reason);
    }

    private static Version? ParseVersion(string? text)
    {
        var parts = text?.Split('.');
        return parts is { Length: 3 } && parts.All(p => p.Length is > 0 and < 6 && p.All(char.IsAsciiDigit))
            ? new Version(int.Parse(parts[0], CultureInfo.InvariantCulture),
                int.Parse(parts[1], CultureInfo.InvariantCulture),
                int.Parse(parts[2], CultureInfo.InvariantCulture))
            : null;
    }
}
