namespace ScanPoint.Credentials.Shc;

/// <summary>One allowed SHC issuer as configured: its URL (<c>iss</c>), its JWKS and any of its CRLs (JSON texts).</summary>
public sealed record ShcIssuerSource(string Issuer, string JwksJson, IReadOnlyList<string>? CrlJsons = null);
