using System.Formats.Cbor;
using System.Text.Json.Nodes;
using ScanPoint.Credentials.Cbor;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>
/// Stage 5: the CWT claims map (RFC 8392) — iss (1), exp (4), nbf (5), iat (6), hcert (-260) → eu_dgc_v1 (1),
/// the latter converted to JSON. Bounded by <see cref="CborLimits"/>; unknown claims are skipped.
/// </summary>
public static class CwtStage
{
    private const int Iss = 1;
    private const int Exp = 4;
    private const int Nbf = 5;
    private const int Iat = 6;
    private const int Hcert = -260;
    private const int EuDgcV1 = 1;

    public static StageResult<DccClaims> TryRead(byte[] payload)
    {
        if (!CborLimits.IsWithinBounds(payload))
        {
            return StageResult<DccClaims>.Reject(VerdictCodes.Cbor);
        }

        try
        {
            var reader = new CborReader(payload, CborConformanceMode.Lax);
            while (reader.PeekState() == CborReaderState.Tag)
            {
                reader.ReadTag();
            }

            if (reader.PeekState() != CborReaderState.StartMap)
            {
                return StageResult<DccClaims>.Reject(VerdictCodes.Cwt);
            }

            string? iss = null;
            DateTimeOffset? exp = null, nbf = null, iat = null;
            JsonObject? hcert = null;
            reader.ReadStartMap();
            while (reader.PeekState() != CborReaderState.EndMap)
            {
                if (reader.PeekState() is not (CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger))
                {
                    reader.SkipValue();
                    reader.SkipValue();
                    continue;
                }

                var key = reader.ReadInt64();
                var ok = key switch
                {
                    Iss => TryReadText(reader, out iss),
                    Exp => TryReadTime(reader, out exp),
                    Nbf => TryReadTime(reader, out nbf),
                    Iat => TryReadTime(reader, out iat),
                    Hcert => TryReadHcert(reader, out hcert),
                    _ => Skip(reader),
                };
                if (!ok)
                {
                    return StageResult<DccClaims>.Reject(VerdictCodes.Cwt);
                }
            }

            reader.ReadEndMap();
            return hcert is null
                ? StageResult<DccClaims>.Reject(VerdictCodes.Cwt)
                : StageResult<DccClaims>.Ok(new DccClaims(iss, iat, exp, nbf, hcert));
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException
            or FormatException or ArgumentException)
        {
            return StageResult<DccClaims>.Reject(VerdictCodes.Cbor);
        }
    }

    private static bool Skip(CborReader reader)
    {
        reader.SkipValue();
        return true;
    }

    private static bool TryReadText(CborReader reader, out string? text)
    {
        text = reader.PeekState() == CborReaderState.TextString ? reader.ReadTextString() : null;
        return text is not null;
    }

    private static bool TryReadTime(CborReader reader, out DateTimeOffset? time)
    {
        time = null;
        if (reader.PeekState() == CborReaderState.Tag)
        {
            reader.ReadTag();
        }

        double seconds = reader.PeekState() switch
        {
            CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => reader.ReadInt64(),
            CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat
                or CborReaderState.DoublePrecisionFloat => Math.Floor(reader.ReadDouble()),
            _ => double.NaN,
        };
        if (!double.IsFinite(seconds)
            || seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds()
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        time = DateTimeOffset.FromUnixTimeSeconds((long)seconds);
        return true;
    }

    private static bool TryReadHcert(CborReader reader, out JsonObject? payload)
    {
        payload = null;
        if (reader.PeekState() != CborReaderState.StartMap)
        {
            return false;
        }

        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var isIntKey = reader.PeekState() is CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger;
            var isDgc = isIntKey && reader.ReadInt64() == EuDgcV1;
            if (!isDgc)
            {
                if (!isIntKey)
                {
                    reader.SkipValue(); // the key
                }

                reader.SkipValue(); // the value
                continue;
            }

            if (payload is not null || !CborJson.TryRead(reader, 2, out var node) || node is not JsonObject obj)
            {
                return false;
            }

            // Round-trip through text so that numbers are JSON-backed (GetValue<int> works on any integer).
            payload = JsonNode.Parse(obj.ToJsonString()) as JsonObject;
        }

        reader.ReadEndMap();
        return payload is not null;
    }
}
