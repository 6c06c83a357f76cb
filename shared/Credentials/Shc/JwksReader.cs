using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.Shc;

/// <summary>
/// Reads an issuer's JWKS into trusted keys. A key is kept only when it is <c>kty</c> EC, <c>crv</c> P-256, with
/// 32-byte <c>x</c>/<c>y</c> on the curve, <c>use</c> sig and <c>alg</c> ES256 when given, and its <c>kid</c> equals its
/// RFC 7638 thumbprint. Refused keys are reported as "&lt;issuer&gt; &lt;CODE&gt; &lt;kid&gt;" problems.
/// </summary>
internal static class JwksReader
{
    private const int MaxDepth = 8;

    public static List<ShcIssuerKey> Read(string issuer, string jwksJson, List<string> problems)
    {
        var keys = new List<ShcIssuerKey>();
        if (ShcJson.TryParseObject(Encoding.UTF8.GetBytes(jwksJson), MaxDepth)?["keys"] is not JsonArray entries)
        {
            problems.Add($"{issuer} JWKS");
            return keys;
        }

        foreach (var entry in entries)
        {
            var kid = ShcJson.String(entry?["kid"]) ?? "?";
            if (entry is not JsonObject jwk || TryReadKey(issuer, jwk) is not { } key)
            {
                problems.Add($"{issuer} KEY {kid}");
            }
            else if (key.Kid != JwkThumbprint.ForP256(key.X, key.Y))
            {
                problems.Add($"{issuer} THUMBPRINT {kid}");
            }
            else
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    private static ShcIssuerKey? TryReadKey(string issuer, JsonObject jwk)
    {
        if (ShcJson.String(jwk["kty"]) != "EC" || ShcJson.String(jwk["crv"]) != "P-256"
            || (jwk.ContainsKey("use") && ShcJson.String(jwk["use"]) != "sig")
            || (jwk.ContainsKey("alg") && ShcJson.String(jwk["alg"]) != "ES256")
            || ShcJson.String(jwk["kid"]) is not { Length: > 0 } kid
            || Base64UrlText.TryDecode(ShcJson.String(jwk["x"])) is not { Length: 32 } x
            || Base64UrlText.TryDecode(ShcJson.String(jwk["y"])) is not { Length: 32 } y)
        {
            return null;
        }

        int? crlVersion = ShcJson.Number(jwk["crlVersion"]) is { } version and >= 0 and <= int.MaxValue ? (int)version : null;
        var key = new ShcIssuerKey(issuer, kid, x, y, crlVersion, null);
        try
        {
            using var ecdsa = key.CreateECDsa();
            return key;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
