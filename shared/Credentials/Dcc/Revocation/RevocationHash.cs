using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.Dcc.Revocation;

/// <summary>Computes the 128-bit revocation hashes of a decoded DCC (EU DCC revocation, hash types 1–3).</summary>
public static class RevocationHash
{
    /// <summary>Length of a revocation hash: the first 128 bits of the SHA-256.</summary>
    public const int Length = 16;

    private const int EcdsaRLength = 32;

    private static readonly string[] Kinds = ["v", "t", "r"];

    /// <summary>
    /// The hashes of one type, one per v/t/r entry that has what the type needs (usually exactly one);
    /// empty when the payload has no UVCI (or, for COUNTRYCODEUCI, no country).
    /// </summary>
    public static IReadOnlyList<UInt128> Compute(RevocationHashType type, CoseEnvelope envelope, DccClaims claims)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(claims);
        if (type == RevocationHashType.Signature)
        {
            return envelope.Signature.Length == 0 ? [] : [Truncate(SignatureInput(envelope))];
        }

        var hashes = new List<UInt128>();
        foreach (var entry in Entries(claims.Payload))
        {
            if (Text(entry, "ci") is not { Length: > 0 } uci)
            {
                continue;
            }

            if (type == RevocationHashType.Uci)
            {
                hashes.Add(Truncate(Encoding.UTF8.GetBytes(uci)));
            }
            else if (Text(entry, "co") is { Length: > 0 } country)
            {
                hashes.Add(Truncate(Encoding.UTF8.GetBytes(country + uci)));
            }
        }

        return hashes;
    }

    /// <summary>Reads the first 16 bytes of <paramref name="hash"/> as a big-endian key; null when shorter.</summary>
    public static UInt128? ToKey(ReadOnlySpan<byte> hash) =>
        hash.Length < Length ? null : BinaryPrimitives.ReadUInt128BigEndian(hash[..Length]);

    /// <summary>The key as 32 lower-case hex digits (the form revocation lists and test vectors use).</summary>
    public static string ToHex(UInt128 key)
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, key);
        return Convert.ToHexStringLower(bytes);
    }

    private static ReadOnlySpan<byte> SignatureInput(CoseEnvelope envelope) =>
        envelope.Algorithm == CoseEnvelope.Es256 && envelope.Signature.Length >= EcdsaRLength
            ? envelope.Signature.AsSpan(0, EcdsaRLength)
            : envelope.Signature;

    private static UInt128 Truncate(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, digest);
        return BinaryPrimitives.ReadUInt128BigEndian(digest[..Length]);
    }

    private static IEnumerable<JsonObject> Entries(JsonObject payload) =>
        Kinds.SelectMany(k => payload[k] as JsonArray ?? []).OfType<JsonObject>();

    private static string? Text(JsonObject entry, string name) =>
        entry[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
