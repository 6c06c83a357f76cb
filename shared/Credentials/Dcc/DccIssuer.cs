using System.Formats.Cbor;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.Dcc;

/// <summary>
/// Mints <c>HC1:</c> codes with a document signer key: CWT claims → COSE_Sign1 (ES256, kid protected) → zlib →
/// Base45. For demos and tests; production certificates come from the issuing authority.
/// </summary>
public sealed class DccIssuer(ECDsa key, byte[] dscDer)
{
    public byte[] KeyId { get; } = SHA256.HashData(dscDer)[..8];

    /// <summary>Signs <paramref name="hcert"/> (the eu_dgc_v1 JSON) as issued by <paramref name="country"/>.</summary>
    public string Issue(JsonObject hcert, string country, DateTimeOffset issuedAt, DateTimeOffset expires)
    {
        return QrEnvelope.Seal(PrefixStage.Prefix, country, issuedAt, expires, -260, claims =>
        {
            claims.WriteStartMap(1);
            claims.WriteInt32(1);
            WriteJson(claims, hcert);
            claims.WriteEndMap();
        }, key, KeyId);
    }

    private static void WriteJson(CborWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                writer.WriteStartMap(o.Count);
                foreach (var (name, value) in o)
                {
                    writer.WriteTextString(name);
                    WriteJson(writer, value);
                }

                writer.WriteEndMap();
                break;
            case JsonArray a:
                writer.WriteStartArray(a.Count);
                foreach (var item in a)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                writer.WriteTextString(s);
                break;
            case JsonValue v when v.TryGetValue<bool>(out var b):
                writer.WriteBoolean(b);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                var number = decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                if (number == decimal.Truncate(number))
                {
                    writer.WriteInt64((long)number);
                }
                else
                {
                    writer.WriteDouble((double)number);
                }

                break;
            case null:
                writer.WriteNull();
                break;
            default:
                throw new ArgumentException($"unsupported JSON value {node}", nameof(node));
        }
    }
}
