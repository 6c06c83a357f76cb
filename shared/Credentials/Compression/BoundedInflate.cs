using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Compression;

/// <summary>
/// Inflates through a decompressing stream into a buffer of at most <c>maxBytes</c> + 1: output beyond the bound is
/// <c>TOO_LARGE</c> (a bomb never allocates more than the bound), a broken or empty stream is <paramref name="code"/>.
/// </summary>
internal static class BoundedInflate
{
    public static StageResult<byte[]> TryInflate(byte[] compressed, int maxBytes, Func<Stream, Stream> decompressor, string code)
    {
        try
        {
            using var input = new MemoryStream(compressed, writable: false);
            using var inflater = decompressor(input);
            var buffer = new byte[maxBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = inflater.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            return total > maxBytes ? StageResult<byte[]>.Reject(VerdictCodes.TooLarge)
                : total == 0 ? StageResult<byte[]>.Reject(code)
                : StageResult<byte[]>.Ok(buffer.AsSpan(0, total).ToArray());
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // InvalidDataException: not this format; ZLibException (an IOException): the inflater gave up mid-stream.
            return StageResult<byte[]>.Reject(code);
        }
    }
}
