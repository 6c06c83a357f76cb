using System.Security.Cryptography;
using System.Text;

namespace ScanPoint.Credentials.Shc;

/// <summary>
/// RFC 7638 JWK thumbprint of a P-256 public key: base64url(SHA-256) of the canonical JSON
/// <c>{"crv":"P-256","kty":"EC","x":"…","y":"…"}</c> (members sorted, no whitespace). SHC kids must equal it.
/// </summary>
public static class JwkThumbprint
{
    public static string ForP256(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + Base64UrlText.Encode(x)
            + "\",\"y\":\"" + Base64UrlText.Encode(y) + "\"}";
        return Base64UrlText.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
