using System.Formats.Cbor;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;

namespace ScanPoint.Credentials.Dcc;

/// <summary>
/// The HC1-style envelope the issuers share: CWT claims (iss, iat, exp and one format claim) → COSE_Sign1 (ES256,
/// kid protected) → zlib → Base45, prefixed.
/// </summary>
internal static class QrEnvelope
{
    public static string Seal(
        string prefix, string country, DateTimeOffset issuedAt, DateTimeOffset expires, int claimKey, Action<CborWriter> writeClaim, ECDsa key, byte[] kid)
    {
        var claims = new CborWriter();
        claims.WriteStartMap(4);
        claims.WriteInt32(1);
        claims.WriteTextString(country);
        claims.WriteInt32(6);
        claims.WriteInt64(issuedAt.ToUnixTimeSeconds());
        claims.WriteInt32(4);
        claims.WriteInt64(expires.ToUnixTimeSeconds());
        claims.WriteInt32(claimKey);
        writeClaim(claims);
        claims.WriteEndMap();
        return Seal(prefix, claims.Encode(), key, kid);
    }

    private static string Seal(string prefix, byte[] claims, ECDsa key, byte[] kid)
    {
        var headers = new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(kid) };
        var cose = CoseSign1Message.SignEmbedded(claims, new CoseSigner(key, HashAlgorithmName.SHA256, headers));
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(cose);
        }

        return prefix + Base45.Encode(compressed.ToArray());
    }
}
