using System.IO.Compression;
using ScanPoint.Credentials.Compression;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>Stage 3: bounded zlib inflate (RFC 1950). Output beyond <see cref="MaxInflatedBytes"/> is TOO_LARGE.</summary>
public static class ZlibStage
{
    public const int MaxInflatedBytes = 64 * 1024;

    public static StageResult<byte[]> TryInflate(byte[] compressed) => TryInflate(compressed, MaxInflatedBytes);

    internal static StageResult<byte[]> TryInflate(byte[] compressed, int maxBytes) =>
        BoundedInflate.TryInflate(compressed, maxBytes, input => new ZLibStream(input, CompressionMode.Decompress), VerdictCodes.Zlib);
}
