using System.Text.Json.Serialization;

namespace ScanPoint.Credentials.Trust;

/// <summary>
/// What a trust bundle carries (the signed payload, JSON). Each section has its own maximum age: past it, verdicts
/// that rely on the section become <c>Unverifiable(TRUST_STALE)</c>.
/// </summary>
public sealed record TrustBundleContent(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("issuedAt")] DateTimeOffset IssuedAt,
    [property: JsonPropertyName("dsc")] TrustSection Dsc,
    [property: JsonPropertyName("declarationSigners")] TrustSection? DeclarationSigners = null,
    [property: JsonPropertyName("shcIssuers")] ShcIssuerSection? ShcIssuers = null,
    [property: JsonPropertyName("vdsCscas")] TrustSection? VdsCscas = null,
    [property: JsonPropertyName("dccSchemas")] DccSchemaSection? DccSchemas = null,
    [property: JsonPropertyName("dccRevocation")] DccRevocationSection? DccRevocation = null,
    [property: JsonPropertyName("dccRules")] DccRuleSection? DccRules = null,
    [property: JsonPropertyName("provincePolicies")] ProvincePolicySection? ProvincePolicies = null)
{
    public const string FormatName = "scanpoint-trust/1";
}

/// <summary>A section of a trust bundle: its items and how long they may be relied on after the bundle was issued.</summary>
public sealed record TrustSection(
    [property: JsonPropertyName("maxAge")] TimeSpan MaxAge,
    [property: JsonPropertyName("items")] IReadOnlyList<string> Items);

/// <summary>SMART Health Card issuers: each issuer URL with its JWKS and CRLs, as JSON text.</summary>
public sealed record ShcIssuerSection(
    [property: JsonPropertyName("maxAge")] TimeSpan MaxAge,
    [property: JsonPropertyName("items")] IReadOnlyList<ShcIssuerEntry> Items);

/// <summary>One SMART Health Card issuer in a trust bundle.</summary>
public sealed record ShcIssuerEntry(
    [property: JsonPropertyName("iss")] string Iss,
    [property: JsonPropertyName("jwks")] string Jwks,
    [property: JsonPropertyName("crls")] IReadOnlyList<string> Crls);
