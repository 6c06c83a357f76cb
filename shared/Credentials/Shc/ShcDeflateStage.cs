using System.IO.Compression;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Shc;

/// <summary>Stage 4: bounded raw DEFLATE inflate (RFC 1951). Output beyond <see cref="MaxInflatedBytes"/> is TOO_LARGE.</summary>
public static class ShcDeflateStage
{
    public const int MaxInflatedBytes = 64 * 1024;

    public static StageResult<byte[]> TryInflate(byte[] compressed) => TryInflate(compressed, MaxInflatedBytes);

    internal static StageResult<byte[]> TryInflate(byte[] compressed, int maxBytes)
    {
        try
        {
            using var input = new MemoryStream(compressed, writable: false);
            using var deflate = new DeflateStream(input, CompressionMode.Decompress);
            var buffer = new byte[maxBytes + 1];
            var total = 0;
            while (total < buffer.Length)
            {
                var read = deflate.Read(buffer, total, buffer.Length - total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            if (total > maxBytes)
            {
                return StageResult<byte[]>.Reject(VerdictCodes.TooLarge);
            }

            return total == 0
                ? StageResult<byte[]>.Reject(VerdictCodes.Deflate)
                : StageResult<byte[]>.Ok(buffer.AsSpan(0, total).ToArray());
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return StageResult<byte[]>.Reject(VerdictCodes.Deflate);
        }
    }
}
