namespace ScanPoint.Credentials.Dcc.Schema;

/// <summary>
/// The JSON Schema 2020-12 keywords the DCC schemas use. Anything else makes a schema unloadable, so an
/// unknown constraint can never be ignored silently. <c>format</c> is an annotation, as 2020-12 says by default.
/// </summary>
internal static class SchemaKeywords
{
    public static readonly HashSet<string> Annotations =
    [
        "$schema", "$id", "$comment", "$defs", "title", "description", "examples", "default", "deprecated",
        "format", "valueset-uri",
    ];

    public static readonly HashSet<string> Assertions =
    [
        "type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "enum", "const", "oneOf", "anyOf", "allOf", "not", "$ref",
    ];

    /// <summary>Keywords whose value is one schema, a list of schemas, or a name → schema map.</summary>
    public static readonly HashSet<string> SingleSchema = ["additionalProperties", "items", "not"];

    public static readonly HashSet<string> SchemaLists = ["oneOf", "anyOf", "allOf"];

    public static readonly HashSet<string> SchemaMaps = ["properties", "$defs"];
}
