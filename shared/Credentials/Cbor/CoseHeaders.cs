using System.Formats.Cbor;

namespace ScanPoint.Credentials.Cbor;

/// <summary>
/// The raw parts of an untagged COSE_Sign1 array, read by hand so that inputs the platform decoder refuses
/// (a label in both buckets, alg only unprotected) still yield kid and alg: protected wins.
/// </summary>
internal sealed record CoseHeaders(
    byte[] ProtectedBytes,
    byte[]? Kid,
    int? Algorithm,
    bool AlgorithmProtected,
    byte[]? Payload,
    byte[] Signature)
{
    private const int AlgLabel = 1;
    private const int KidLabel = 4;

    /// <summary>Reads [protected bstr, unprotected map, payload bstr/nil, signature bstr]; null when malformed.</summary>
    public static CoseHeaders? TryRead(byte[] bareArray)
    {
        var reader = new CborReader(bareArray, CborConformanceMode.Lax);
        if (reader.ReadStartArray() != 4)
        {
            return null;
        }

        var protectedBytes = reader.ReadByteString();
        var (pKid, pAlg) = protectedBytes.Length == 0
            ? (null, null)
            : ReadMap(new CborReader(protectedBytes, CborConformanceMode.Lax), requireEnd: true);
        var (uKid, uAlg) = ReadMap(reader, requireEnd: false);
        byte[]? payload = null;
        if (reader.PeekState() == CborReaderState.Null)
        {
            reader.ReadNull();
        }
        else
        {
            payload = reader.ReadByteString();
        }

        var signature = reader.ReadByteString();
        reader.ReadEndArray();
        return new CoseHeaders(protectedBytes, pKid ?? uKid, pAlg ?? uAlg, pAlg is not null, payload, signature);
    }

    private static (byte[]? Kid, int? Alg) ReadMap(CborReader reader, bool requireEnd)
    {
        byte[]? kid = null;
        int? alg = null;
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var isInt = reader.PeekState() is CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger;
            var label = isInt ? reader.ReadInt64() : long.MinValue;
            if (!isInt)
            {
                reader.SkipValue();
            }

            if (label == KidLabel)
            {
                kid = reader.ReadByteString(); // a kid of another type is malformed: throws, stage says COSE
            }
            else if (label == AlgLabel)
            {
                alg = reader.ReadInt32(); // DCC algorithms are integers; a text alg is refused as COSE
            }
            else
            {
                reader.SkipValue();
            }
        }

        reader.ReadEndMap();
        if (requireEnd && reader.BytesRemaining != 0)
        {
            throw new CborContentException("trailing bytes after the protected header map");
        }

        return (kid, alg);
    }
}
