using System.IO.Compression;
using ScanPoint.Credentials.Compression;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Shc;

/// <summary>Stage 4: bounded raw DEFLATE inflate (RFC 1951). Output beyond <see cref="MaxInflatedBytes"/> is TOO_LARGE.</summary>
public static class ShcDeflateStage
{
    public const int MaxInflatedBytes = 64 * 1024;

    public static StageResult<byte[]> TryInflate(byte[] compressed) => TryInflate(compressed, MaxInflatedBytes);

    internal static StageResult<byte[]> TryInflate(byte[] compressed, int maxBytes) =>
        BoundedInflate.TryInflate(compressed, maxBytes, input => new DeflateStream(input, CompressionMode.Decompress), VerdictCodes.Deflate);
}
