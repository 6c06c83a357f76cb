namespace ScanPoint.Credentials.Declarations;

/// <summary>The CWT claims of a declaration pass: issuer country, issued-at, expiry and the pass.</summary>
public sealed record DeclarationClaims(string? Issuer, DateTimeOffset IssuedAt, DateTimeOffset Expires, DeclarationPass Pass)
{
    /// <summary>CWT claim key of the pass map (private-use range of RFC 8392).</summary>
    public const int ClaimKey = -65537;

    /// <summary>Extended key usage a signer certificate must carry to sign declaration passes (a UUID OID, X.667).</summary>
    public const string SignerKeyUsage = "2.25.208613474815328717186003520577126440231";
}
