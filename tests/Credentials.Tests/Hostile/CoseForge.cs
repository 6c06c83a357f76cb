using System.Buffers.Binary;
using System.Formats.Cbor;
using System.IO.Compression;
using System.Security.Cryptography;
using ScanPoint.Credentials.Dcc;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>Hand-built COSE_Sign1 messages, CWT claims and zlib/Base45 QR texts for crafting hostile codes.</summary>
internal static class CoseForge
{
    public const int AlgLabel = 1;
    public const int KidLabel = 4;
    public const int Es256 = -7;
    public const int Ps256 = -37;
    public const int EdDsa = -8;

    /// <summary>A CBOR map of int labels to int, byte-string or text values.</summary>
    public static byte[] Map(params (int Label, object Value)[] entries)
    {
        var writer = new CborWriter();
        writer.WriteStartMap(entries.Length);
        foreach (var (label, value) in entries)
        {
            writer.WriteInt32(label);
            switch (value)
            {
                case int i: writer.WriteInt32(i); break;
                case byte[] b: writer.WriteByteString(b); break;
                case string s: writer.WriteTextString(s); break;
                default: throw new ArgumentException("unsupported header value", nameof(entries));
            }
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>Signs RFC 9052's Sig_structure with ES256 (r‖s) and assembles a tagged COSE_Sign1.</summary>
    public static byte[] Sign1(byte[] protectedMap, byte[] unprotectedMap, byte[] payload, ECDsa key)
    {
        var signature = key.SignData(ToBeSigned(protectedMap, payload), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return Assemble(protectedMap, unprotectedMap, payload, signature);
    }

    public static byte[] Assemble(byte[] protectedMap, byte[] unprotectedMap, byte[]? payload, byte[] signature)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteTag((CborTag)18);
        writer.WriteStartArray(4);
        writer.WriteByteString(protectedMap);
        writer.WriteEncodedValue(unprotectedMap);
        if (payload is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.WriteByteString(payload);
        }

        writer.WriteByteString(signature);
        writer.WriteEndArray();
        return writer.Encode();
    }

    /// <summary>A protected header with ES256 and <paramref name="kid"/>.</summary>
    public static byte[] Es256Header(byte[] kid) => Map((AlgLabel, Es256), (KidLabel, kid));

    /// <summary>CWT claims {1: "VN", 6: iat, 4: exp, -260: {1: hcert}} with the hcert value given as raw CBOR bytes.</summary>
    public static byte[] RawClaims(DateTimeOffset iat, DateTimeOffset exp, byte[] rawHcert)
    {
        var head = new List<byte> { 0xA4, 0x01, 0x62, (byte)'V', (byte)'N' };
        head.AddRange(UInt32Claim(0x06, iat));
        head.AddRange(UInt32Claim(0x04, exp));
        head.AddRange([0x39, 0x01, 0x03, 0xA1, 0x01]);
        return [.. head, .. rawHcert];
    }

    /// <summary>Valid CWT claims with an nbf claim (5) besides iat and exp, a vaccination entry.</summary>
    public static byte[] ClaimsWithNbf(DateTimeOffset iat, DateTimeOffset nbf, DateTimeOffset exp)
    {
        var writer = new CborWriter();
        writer.WriteStartMap(5);
        writer.WriteInt32(1);
        writer.WriteTextString("VN");
        writer.WriteInt32(6);
        writer.WriteInt64(iat.ToUnixTimeSeconds());
        writer.WriteInt32(5);
        writer.WriteInt64(nbf.ToUnixTimeSeconds());
        writer.WriteInt32(4);
        writer.WriteInt64(exp.ToUnixTimeSeconds());
        writer.WriteInt32(-260);
        writer.WriteEncodedValue(HcertMap());
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>zlib around <paramref name="data"/>, then Base45 and the prefix (HC1: unless given).</summary>
    public static string ToQr(byte[] data, string prefix = PrefixStage.Prefix) => prefix + Base45.Encode(Zlib(data));

    public static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] ToBeSigned(byte[] protectedMap, byte[] payload)
    {
        var writer = new CborWriter();
        writer.WriteStartArray(4);
        writer.WriteTextString("Signature1");
        writer.WriteByteString(protectedMap);
        writer.WriteByteString([]);
        writer.WriteByteString(payload);
        writer.WriteEndArray();
        return writer.Encode();
    }

    private static byte[] HcertMap()
    {
        var writer = new CborWriter();
        writer.WriteStartMap(1);
        writer.WriteInt32(1);
        writer.WriteStartMap(2);
        writer.WriteTextString("ver");
        writer.WriteTextString("1.3.0");
        writer.WriteTextString("v");
        writer.WriteStartArray(1);
        writer.WriteStartMap(1);
        writer.WriteTextString("dn");
        writer.WriteInt32(2);
        writer.WriteEndMap();
        writer.WriteEndArray();
        writer.WriteEndMap();
        writer.WriteEndMap();
        return writer.Encode();
    }

    private static byte[] UInt32Claim(byte key, DateTimeOffset time)
    {
        var bytes = new byte[6];
        bytes[0] = key;
        bytes[1] = 0x1A;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(2), (uint)time.ToUnixTimeSeconds());
        return bytes;
    }
}
