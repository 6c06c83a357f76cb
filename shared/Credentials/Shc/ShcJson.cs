using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace ScanPoint.Credentials.Shc;

/// <summary>Bounded JSON reading for SHC headers, payloads, JWKS and CRLs: depth-limited, duplicate names refused.</summary>
internal static class ShcJson
{
    /// <summary>The JSON object in <paramref name="utf8"/>, or null when it is not one (or breaks a bound).</summary>
    public static JsonObject? TryParseObject(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        try
        {
            if (!Utf8.IsValid(utf8))
            {
                return null;
            }

            var options = new JsonDocumentOptions { MaxDepth = maxDepth, AllowDuplicateProperties = false };
            var node = JsonNode.Parse(utf8, documentOptions: options) as JsonObject;
            Materialize(node);
            return node;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads every name and string once, so that text the lazy node decoder cannot transcode (e.g. an escaped lone
    /// surrogate) fails here, inside the catch, and not later in a caller. Recursion is bounded by the parse depth.
    /// </summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Materialize(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Materialize(child);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                _ = value.GetValue<string>();
                break;
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
