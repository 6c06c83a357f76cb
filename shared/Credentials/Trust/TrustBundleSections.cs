using System.Text.Json.Serialization;

namespace ScanPoint.Credentials.Trust;

/// <summary>Official DCC payload schemas by version (JSON text), e.g. <c>"1.3.0"</c>.</summary>
public sealed record DccSchemaSection(
    [property: JsonPropertyName("maxAge")] TimeSpan MaxAge,
    [property: JsonPropertyName("items")] IReadOnlyDictionary<string, string> Items);

/// <summary>DCC revocation entries: hash type (<c>UCI</c>, <c>COUNTRYCODEUCI</c>, <c>SIGNATURE</c>), 128-bit hash and optional kid, base64.</summary>
public sealed record DccRevocationSection(
    [property: JsonPropertyName("maxAge")] TimeSpan MaxAge,
    [property: JsonPropertyName("items")] IReadOnlyList<DccRevocationItem> Items);

/// <summary>One revoked certificate hash.</summary>
public sealed record DccRevocationItem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("kid")] string? Kid = null);

/// <summary>CertLogic business rules (gateway rule JSON, as text) and the value sets they read (JSON text).</summary>
public sealed record DccRuleSection(
    [property: JsonPropertyName("maxAge")] TimeSpan MaxAge,
    [property: JsonPropertyName("rules")] IReadOnlyList<string> Rules,
    [property: JsonPropertyName("valueSets")] string ValueSets);

/// <summary>Province policies (JSON text by province code), pushed to kiosks and locked there.</summary>
public sealed record ProvincePolicySection(
    [property: JsonPropertyName("maxAge")] TimeSpan MaxAge,
    [property: JsonPropertyName("items")] IReadOnlyDictionary<string, string> Items);
