namespace ScanPoint.Contracts.Trust;

/// <summary>
/// The fleet's current trust bundle, retained on <c>sp/v1/bcast/trust</c>: its version, the SHA-256 of the file
/// (lowercase hex, also its HTTP ETag), where to download it (absolute http or https URL) and its size in bytes.
/// The bundle is signed by the national trust anchor; kiosks verify that signature themselves.
/// </summary>
public sealed record TrustAnnounced(int V, long Version, string Sha256, string Url, long Size)
{
    public const int SchemaVersion = 1;

    /// <summary>True for a well-formed announcement: known schema, positive version and size, hex hash, absolute URL.</summary>
    public bool IsWellFormed() =>
        V == SchemaVersion
        && Version > 0
        && Size > 0
        && Sha256 is { Length: 64 } && Sha256.All(char.IsAsciiHexDigitLower)
        && Uri.TryCreate(Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
