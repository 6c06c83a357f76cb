using System.Text.Json.Nodes;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Shc;

/// <summary>
/// Stage 5: the inflated payload as JSON (depth ≤ <see cref="MaxDepth"/>, duplicate names refused: JSON) and its
/// claims: string <c>iss</c>, numeric <c>nbf</c>, optional numeric <c>exp</c>, <c>vc.type</c> strings,
/// <c>vc.credentialSubject.fhirBundle</c> object, optional string <c>vc.rid</c> (otherwise SHC_PAYLOAD).
/// </summary>
public static class ShcPayloadStage
{
    public const int MaxDepth = 32;

    /// <summary>Unix seconds of 9999-12-31T23:59:59Z, the last instant a DateTimeOffset holds.</summary>
    private const double MaxUnixSeconds = 253402300799;

    public static StageResult<ShcClaims> TryRead(byte[] json)
    {
        if (ShcJson.TryParseObject(json, MaxDepth) is not { } payload)
        {
            return StageResult<ShcClaims>.Reject(VerdictCodes.Json);
        }

        var issuer = ShcJson.String(payload["iss"]);
        var notBefore = ToTime(payload["nbf"]);
        var hasExpiry = payload.ContainsKey("exp");
        var expires = ToTime(payload["exp"]);
        var vc = payload["vc"] as JsonObject;
        var types = vc?["type"] as JsonArray;
        var bundle = vc?["credentialSubject"]?["fhirBundle"] as JsonObject;
        var hasRid = vc?.ContainsKey("rid") == true;
        var rid = ShcJson.String(vc?["rid"]);
        if (issuer is null || notBefore is null || (hasExpiry && expires is null) || types is null || bundle is null
            || (hasRid && rid is null))
        {
            return StageResult<ShcClaims>.Reject(VerdictCodes.ShcPayload);
        }

        var typeNames = new List<string>(types.Count);
        foreach (var type in types)
        {
            if (ShcJson.String(type) is not { } name)
            {
                return StageResult<ShcClaims>.Reject(VerdictCodes.ShcPayload);
            }

            typeNames.Add(name);
        }

        return StageResult<ShcClaims>.Ok(new ShcClaims(issuer, notBefore.Value, expires, typeNames, bundle, rid, payload));
    }

    private static DateTimeOffset? ToTime(JsonNode? node) =>
        ShcJson.Number(node) is { } seconds and >= 0 and <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000))
            : null;
}
