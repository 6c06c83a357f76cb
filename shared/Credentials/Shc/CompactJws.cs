namespace ScanPoint.Credentials.Shc;

/// <summary>A parsed compact JWS whose header passed the SHC checks (alg ES256, zip DEF, a kid).</summary>
/// <param name="Kid">The header's key id (an RFC 7638 JWK thumbprint).</param>
/// <param name="SigningInput">ASCII of <c>header.payload</c> as it appeared: what the signature covers.</param>
/// <param name="CompressedPayload">The payload part, base64url-decoded: raw DEFLATE.</param>
/// <param name="Signature">The signature part, base64url-decoded (64 bytes r‖s for ES256).</param>
public sealed record CompactJws(string Kid, byte[] SigningInput, byte[] CompressedPayload, byte[] Signature);
