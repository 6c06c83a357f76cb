using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using ScanPoint.Credentials.Cbor;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>
/// Stage 4: COSE_Sign1 (RFC 9052) parse. Accepts the array untagged, tagged 18, or CWT tag 61 around tag 18.
/// The tags are stripped here; kid and alg are read by hand (protected wins, alg may be unprotected) and the
/// bare array is also handed to <see cref="CoseMessage.DecodeSign1"/>, whose decoding is used to verify when
/// it accepts the message.
/// </summary>
public static class CoseStage
{
    private const ulong CoseSign1Tag = 18;
    private const ulong CwtTag = 61;

    public static StageResult<CoseEnvelope> TryParse(byte[] cose)
    {
        if (!CborLimits.IsWithinBounds(cose) || !TryStripTags(cose, out var bare))
        {
            return StageResult<CoseEnvelope>.Reject(VerdictCodes.Cose);
        }

        try
        {
            if (CoseHeaders.TryRead(bare) is not { Payload: { } payload } headers)
            {
                return StageResult<CoseEnvelope>.Reject(VerdictCodes.Cose);
            }

            if (headers.Algorithm is not { } alg)
            {
                return StageResult<CoseEnvelope>.Reject(VerdictCodes.Algorithm);
            }

            if (alg is not (CoseEnvelope.Es256 or CoseEnvelope.Ps256))
            {
                return StageResult<CoseEnvelope>.Unverifiable(VerdictCodes.Algorithm);
            }

            return StageResult<CoseEnvelope>.Ok(new CoseEnvelope(alg, headers.AlgorithmProtected, headers.Kid, payload)
            {
                Message = TryDecodeWithPlatform(bare),
                ProtectedBytes = headers.ProtectedBytes,
                Signature = headers.Signature,
            });
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException
            or FormatException or ArgumentException)
        {
            return StageResult<CoseEnvelope>.Reject(VerdictCodes.Cose);
        }
    }

    private static CoseSign1Message? TryDecodeWithPlatform(byte[] bare)
    {
        try
        {
            return CoseMessage.DecodeSign1(bare);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static bool TryStripTags(byte[] cose, out byte[] bare)
    {
        bare = [];
        try
        {
            var reader = new CborReader(cose, CborConformanceMode.Lax);
            bool seenCwt = false, seenSign1 = false;
            while (reader.PeekState() == CborReaderState.Tag)
            {
                var tag = (ulong)reader.ReadTag();
                if (tag == CwtTag && !seenCwt && !seenSign1)
                {
                    seenCwt = true;
                }
                else if (tag == CoseSign1Tag && !seenSign1)
                {
                    seenSign1 = true;
                }
                else
                {
                    return false;
                }
            }

            if (reader.PeekState() != CborReaderState.StartArray)
            {
                return false;
            }

            bare = reader.ReadEncodedValue().ToArray();
            return reader.BytesRemaining == 0;
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException)
        {
            return false;
        }
    }
}
