using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.Shc;

/// <summary>The claims of a SMART Health Card JWS payload.</summary>
/// <param name="Issuer">The issuer URL (<c>iss</c>).</param>
/// <param name="NotBefore">Issuance time (<c>nbf</c>, millisecond precision).</param>
/// <param name="Expires">Expiry (<c>exp</c>), when the issuer set one.</param>
/// <param name="Types">The credential types (<c>vc.type</c>), e.g. <c>https://smarthealth.cards#health-card</c>.</param>
/// <param name="FhirBundle">The FHIR bundle (<c>vc.credentialSubject.fhirBundle</c>); a node of <paramref name="Payload"/>.</param>
/// <param name="Rid">The revocation id (<c>vc.rid</c>), when present.</param>
/// <param name="Payload">The whole decoded payload.</param>
public sealed record ShcClaims(
    string Issuer,
    DateTimeOffset NotBefore,
    DateTimeOffset? Expires,
    IReadOnlyList<string> Types,
    JsonNode FhirBundle,
    string? Rid,
    JsonObject Payload);
