using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScanPoint.FleetServer.Tests.Relay;

/// <summary>
/// The committed national intake contract (<c>shared/Contracts/Intake/national-intake.openapi.json</c>, copied next
/// to the tests): its paths, and any of its component schemas to validate JSON against (<see cref="SchemaValidator"/>).
/// </summary>
internal static class IntakeDocument
{
    private static readonly Lazy<JsonNode> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Relay", "national-intake.openapi.json")))!);

    /// <summary>"METHOD /path" of every operation.</summary>
    public static IReadOnlyList<string> Operations =>
        [.. Document.Value["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}"))];

    /// <summary>The status codes the document lists for one operation.</summary>
    public static IReadOnlyList<string> Responses(string path, string method) =>
        [.. Document.Value["paths"]![path]![method]!["responses"]!.AsObject().Select(r => r.Key)];

    /// <summary>Validation errors of <paramref name="json"/> against <c>#/components/schemas/NAME</c>; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string schemaName, string json)
    {
        var components = Document.Value["components"]!["schemas"]!.AsObject();
        var validator = new SchemaValidator(components);
        using var instance = JsonDocument.Parse(json);
        validator.Validate(components[schemaName] ?? throw new ArgumentException($"no schema {schemaName}", nameof(schemaName)), instance.RootElement, "#");
        return validator.Errors;
    }
}
