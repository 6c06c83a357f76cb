using System.Diagnostics;
using System.IO.Compression;
using ScanPoint.Benchmarks.Measuring;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Trust;

namespace ScanPoint.Benchmarks.Verification;

/// <summary>Time and allocation of hostile HC1 inputs: the worst case matters, not the mean.</summary>
internal static class HostileCases
{
    public static void Print(DscTrustList trust, DateTimeOffset now)
    {
        var table = new ResultTable("Hostile HC1 inputs (one call each, after warm-up)", "case", "verdict", "ms", "bytes allocated");
        foreach (var (name, text) in Cases())
        {
            DccVerifier.Verify(text, trust, now);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var verdict = DccVerifier.Verify(text, trust, now).Verdict;
            var elapsed = clock.Elapsed.TotalMilliseconds;
            table.Add(name, $"{verdict.GetType().Name}({verdict.Code})", elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        table.Print();
    }

    private static IEnumerable<(string Name, string Text)> Cases()
    {
        yield return ("8 KiB of Base45 garbage", "HC1:" + new string('Z', 8 * 1024 - 4));
        yield return ("zip bomb (4 MiB of zeros)", "HC1:" + Base45.Encode(Zlib(new byte[4 * 1024 * 1024])));
        yield return ("CBOR nested 5,000 deep", "HC1:" + Base45.Encode(Zlib([.. Enumerable.Repeat((byte)0x81, 5000), 0x00])));
        yield return ("CBOR array claiming 2^32 items", "HC1:" + Base45.Encode(Zlib([0x9B, 0, 0, 0, 1, 0, 0, 0, 0])));
    }

    private static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
