using System.Globalization;
using System.Text.Json;
using ScanPoint.QrCorpus;
using ScanPoint.TestKit;

namespace ScanPoint.Benchmarks.Decoding;

/// <summary>
/// The corpora on disk: the EU DCC test images (the <c>2DCODE</c>/<c>_2DCODE</c> PNGs of ../shared/testdata/dcc whose
/// picture should decode, less ES 501–503 whose image belongs to another certificate), each generated distortion family
/// at every strength, and empty 1280x720 PGM frames.
/// </summary>
internal static class DecodeCorpora
{
    public const int PerStrength = 10;
    public const int EmptyFrames = 20;

    private static readonly string[] KnownMismatches = ["ES/2DCode/raw/501.json", "ES/2DCode/raw/502.json", "ES/2DCode/raw/503.json"];

    public static List<DecodeCorpus> Write(string folder)
    {
        var corpora = new List<DecodeCorpus> { Dcc(Path.Combine(folder, "dcc")) };
        var generator = new QrCorpusGenerator(seed: 2026);
        foreach (var family in Enum.GetValues<DistortionFamily>().Where(f => f is not DistortionFamily.Empty))
        {
            var files = QrCorpusWriter.Write(Path.Combine(folder, family.ToString().ToLowerInvariant()), generator.Family(family, PerStrength));
            corpora.Add(new DecodeCorpus(family.ToString(), [.. files.Select(f => new DecodeItem(f.Path, f.Sample.Expected, Strength(f.Sample.Strength)))]));
        }

        var empty = QrCorpusWriter.Write(Path.Combine(folder, "empty"), Enumerable.Range(0, EmptyFrames).Select(_ => generator.EmptyFrame(1280, 720, ".pgm")));
        corpora.Add(new DecodeCorpus("empty 1280x720 (PGM)", [.. empty.Select(f => new DecodeItem(f.Path, null, "-"))]));
        return corpora;
    }

    private static DecodeCorpus Dcc(string folder)
    {
        Directory.CreateDirectory(folder);
        var root = Path.Combine(TestData.Root, "dcc");
        var items = new List<DecodeItem>();
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var json = doc.RootElement;
            if (json.ValueKind != JsonValueKind.Object || KnownMismatches.Contains(relative, StringComparer.Ordinal)
                || !(json.TryGetProperty("2DCODE", out var image) || json.TryGetProperty("_2DCODE", out image))
                || !json.TryGetProperty("PREFIX", out var prefix) || !ExpectsPictureDecode(json))
            {
                continue;
            }

            var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{items.Count:D4}.png"));
            File.WriteAllBytes(path, Convert.FromBase64String(image.GetString()!));
            items.Add(new DecodeItem(path, prefix.GetString(), "-"));
        }

        return new DecodeCorpus("DCC test images (PNG)", items);
    }

    private static bool ExpectsPictureDecode(JsonElement root) =>
        !(root.TryGetProperty("EXPECTEDRESULTS", out var expected)
          && expected.TryGetProperty("EXPECTEDPICTUREDECODE", out var decode)
          && decode.ValueKind == JsonValueKind.False);

    private static string Strength(double strength) => strength.ToString("0.##", CultureInfo.InvariantCulture);
}
