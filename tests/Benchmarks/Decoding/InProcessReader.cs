using System.Diagnostics;
using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Benchmarks.Decoding;

/// <summary>Our decoder in this process: each image is loaded from its file (ImageFiles.Load) and decoded; both are timed.</summary>
internal static class InProcessReader
{
    public static DecodeOutcome Run(string name, IQrDecoder decoder, DecodeCorpus corpus)
    {
        // warm-up: JIT, native libraries, the decoder's lazy parts
        _ = decoder.Decode(ImageFiles.Load(corpus.Items[0].Path));

        var correct = new List<bool>(corpus.Items.Count);
        var elapsed = TimeSpan.Zero;
        foreach (var item in corpus.Items)
        {
            var start = Stopwatch.GetTimestamp();
            var codes = decoder.Decode(ImageFiles.Load(item.Path));
            elapsed += Stopwatch.GetElapsedTime(start);
            correct.Add(item.Expected is null ? codes.Count == 0 : codes.Any(c => c.Text == item.Expected));
        }

        return new DecodeOutcome(name, correct, elapsed.TotalMilliseconds / corpus.Items.Count);
    }
}
