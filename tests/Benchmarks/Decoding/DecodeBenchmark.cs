using System.Globalization;
using ScanPoint.Benchmarks.Measuring;
using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Benchmarks.Decoding;

/// <summary>
/// QR decoding over the DCC test images, the generated distortion families and empty 1280x720 frames: our decoders
/// in process (file load included) against Debian's ZXingReader (zxing-cpp 1.4) and zbarimg on the same files in the
/// same run. Rates are correct texts over images; an empty frame counts as correct when nothing is read.
/// </summary>
internal static class DecodeBenchmark
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private static readonly string[] Readers =
        ["decode command", "zxing-cpp still", "zxing-cpp frames", "ZXingReader", "zbarimg"];

    public static Task<bool> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        using var work = new WorkFolder(options.Folder, "decode");
        var corpora = DecodeCorpora.Write(work.Path);
        Console.WriteLine($"corpora written to {work.Path}: {string.Join(", ", corpora.Select(c => $"{c.Name} {c.Items.Count}"))}");
        Console.WriteLine("readers: decode command = SecondOpinionQrDecoder.CreateDefault(2 s) (zxing-cpp still-image options, then WeChatQRCode);");
        Console.WriteLine("zxing-cpp still / frames = ZxingQrDecoder(ZxingOptions.StillImages / .Frames) alone; in-process times include ImageFiles.Load.");
        Console.WriteLine("StillImages = the library defaults (Frames), then inverted, global-histogram, stretched + sharpened and 5x5 median passes.");
        Console.WriteLine("external tools get every file of a corpus in one call; ms/image = (T(all) − T(first file)) / (n − 1), removing process start-up.");

        var results = new List<(DecodeCorpus Corpus, DecodeOutcome[] Outcomes, string Note)>();
        foreach (var corpus in corpora)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DecodeOutcome first;
            string note;
            using (var command = SecondOpinionQrDecoder.CreateDefault(Budget))
            {
                first = InProcessReader.Run(Readers[0], command, corpus);
                note = $"{command.TimedOut}/{command.Skipped}";
            } // waits for a second opinion still running, so that it does not share the CPU with the next reader

            DecodeOutcome[] outcomes =
            [
                first,
                InProcessReader.Run(Readers[1], new ZxingQrDecoder(ZxingOptions.StillImages), corpus),
                InProcessReader.Run(Readers[2], new ZxingQrDecoder(ZxingOptions.Frames), corpus),
                ExternalReader.ZxingReader(corpus),
                ExternalReader.Zbarimg(corpus),
            ];
            results.Add((corpus, outcomes, note));
            Console.WriteLine($"  {corpus.Name}: {string.Join(", ", outcomes.Select(o => $"{o.Reader} {o.CorrectCount}/{o.Correct.Count}"))}");
        }

        var rates = new ResultTable("Decode rate (correct / images; empty frames: nothing read)", ["corpus", "images", .. Readers, "WeChat timed out/skipped"]);
        var times = new ResultTable("Mean ms per image (in process: load + decode; tools: start-up removed)", ["corpus", "images", .. Readers]);
        foreach (var (corpus, outcomes, note) in results)
        {
            rates.Add([corpus.Name, corpus.Items.Count, .. outcomes.Select(o => Percent(o.Rate)), note]);
            times.Add([corpus.Name, corpus.Items.Count, .. outcomes.Select(o => (object)o.MsPerImage)]);
        }

        rates.Print();
        times.Print();
        PrintByStrength(results);
        PrintEmptyFrames(results.Single(r => r.Corpus.IsEmptyFrames).Outcomes);
        return Task.FromResult(true);
    }

    private static void PrintByStrength(List<(DecodeCorpus Corpus, DecodeOutcome[] Outcomes, string Note)> results)
    {
        var table = new ResultTable("Generated families by strength (mild → strong; units in QrCorpusGenerator.Strengths)", ["family", "strength", .. Readers]);
        foreach (var (corpus, outcomes, _) in results.Where(r => !r.Corpus.IsEmptyFrames && r.Corpus.Items[0].Group != "-"))
        {
            foreach (var group in corpus.Items.Select(i => i.Group).Distinct())
            {
                table.Add([corpus.Name, group, .. outcomes.Select(o => o.Share(corpus.Items, i => i.Group == group))]);
            }
        }

        table.Print();
    }

    private static void PrintEmptyFrames(DecodeOutcome[] outcomes)
    {
        var reader = outcomes.Single(o => o.Reader == "ZXingReader").MsPerImage;
        var table = new ResultTable("Empty 1280x720 frames: ms per frame against ZXingReader (same run)", "reader", "ms per frame", "vs ZXingReader");
        foreach (var outcome in outcomes)
        {
            table.Add(outcome.Reader, outcome.MsPerImage, ResultTable.Ratio(outcome.MsPerImage, reader));
        }

        table.Print();
    }

    private static string Percent(double rate) =>
        double.IsNaN(rate) ? "-" : (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
