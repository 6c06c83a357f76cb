using System.Text;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Shc;

/// <summary>
/// Stage 3: compact JWS <c>header.payload.signature</c>, each part strict base64url. The header must be a JSON
/// object with <c>alg</c> ES256 (else ALG), <c>zip</c> DEF and a string <c>kid</c>, and no <c>crit</c> (else JWS).
/// </summary>
public static class ShcJwsStage
{
    /// <summary>Longest JWS accepted, in characters (a single SHC QR holds at most 1,195).</summary>
    public const int MaxJwsLength = 16 * 1024;

    /// <summary>Longest decoded header accepted, in bytes.</summary>
    public const int MaxHeaderBytes = 1024;

    private const int MaxHeaderDepth = 4;

    public static StageResult<CompactJws> TryParse(string jws)
    {
        if (jws.Length > MaxJwsLength)
        {
            return StageResult<CompactJws>.Reject(VerdictCodes.TooLarge);
        }

        var parts = jws.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return StageResult<CompactJws>.Reject(VerdictCodes.Jws);
        }

        var header = Base64UrlText.TryDecode(parts[0]);
        var payload = Base64UrlText.TryDecode(parts[1]);
        var signature = Base64UrlText.TryDecode(parts[2]);
        if (header is null || payload is null || signature is null)
        {
            return StageResult<CompactJws>.Reject(VerdictCodes.Jws);
        }

        if (header.Length > MaxHeaderBytes)
        {
            return StageResult<CompactJws>.Reject(VerdictCodes.TooLarge);
        }

        var fields = ShcJson.TryParseObject(header, MaxHeaderDepth);
        if (fields is null || fields.ContainsKey("crit"))
        {
            return StageResult<CompactJws>.Reject(VerdictCodes.Jws);
        }

        var alg = ShcJson.String(fields["alg"]);
        if (alg is null)
        {
            return StageResult<CompactJws>.Reject(VerdictCodes.Jws);
        }

        if (alg != "ES256")
        {
            return StageResult<CompactJws>.Reject(VerdictCodes.Algorithm);
        }

        if (ShcJson.String(fields["zip"]) != "DEF" || ShcJson.String(fields["kid"]) is not { Length: > 0 } kid)
        {
            return StageResult<CompactJws>.Reject(VerdictCodes.Jws);
        }

        var signingInput = Encoding.ASCII.GetBytes(jws[..(parts[0].Length + 1 + parts[1].Length)]);
        return StageResult<CompactJws>.Ok(new CompactJws(kid, signingInput, payload, signature));
    }
}
