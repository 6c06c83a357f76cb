using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.Shc;

/// <summary>Bounded JSON reading for SHC headers, payloads, JWKS and CRLs: depth-limited, duplicate names refused.</summary>
internal static class ShcJson
{
    /// <summary>The JSON object in <paramref name="utf8"/>, or null when it is not one (or breaks a bound).</summary>
    public static JsonObject? TryParseObject(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        try
        {
            var options = new JsonDocumentOptions { MaxDepth = maxDepth, AllowDuplicateProperties = false };
            return JsonNode.Parse(utf8, documentOptions: options) as JsonObject;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number)
            && double.IsFinite(number)
            ? number
            : null;
}
