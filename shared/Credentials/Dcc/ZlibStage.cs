using System.IO.Compression;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>Stage 3: bounded zlib inflate (RFC 1950). Output beyond <see cref="MaxInflatedBytes"/> is TOO_LARGE.</summary>
public static class ZlibStage
{
    public const int MaxInflatedBytes = 64 * 1024;

    public static StageResult<byte[]> TryInflate(byte[] compressed) => TryInflate(compressed, MaxInflatedBytes);

    internal static StageResult<byte[]> TryInflate(byte[] compressed, int maxBytes)
    {
        try
        {
            using var input = new MemoryStream(compressed, writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            var buffer = new byte[maxBytes + 1];
            var total = 0;
            while (total < buffer.Length)
            {
                var read = zlib.Read(buffer, total, buffer.Length - total);
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
                ? StageResult<byte[]>.Reject(VerdictCodes.Zlib)
                : StageResult<byte[]>.Ok(buffer.AsSpan(0, total).ToArray());
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // InvalidDataException: not zlib; ZLibException (an IOException): the inflater gave up mid-stream.
            return StageResult<byte[]>.Reject(VerdictCodes.Zlib);
        }
    }
}
