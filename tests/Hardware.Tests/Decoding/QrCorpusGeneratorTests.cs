using System.Text.Json;
using ScanPoint.Hardware.Decoding;
using ScanPoint.QrCorpus;
using ScanPoint.TestKit;

namespace ScanPoint.Hardware.Tests.Decoding;

/// <summary>TestKit's QR corpus: the same seed gives the same images, and the writer's manifest names every file.</summary>
public sealed class QrCorpusGeneratorTests
{
    public static TheoryData<DistortionFamily> Families() => [.. Enum.GetValues<DistortionFamily>()];

    [Theory]
    [MemberData(nameof(Families))]
    public void Family_SameSeed_SameImages(DistortionFamily family)
    {
        var first = new QrCorpusGenerator(5).Family(family, 1).ToList();
        var second = new QrCorpusGenerator(5).Family(family, 1).ToList();

        Assert.Equal(first.Count, second.Count);
        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Image, pair.Second.Image));
    }

    [Fact]
    public void Payloads_Hc1_IsDccSizedBase45()
    {
        var payloads = new QrPayloads(new Random(3));

        for (var i = 0; i < 20; i++)
        {
            var text = payloads.Hc1().Text;
            Assert.StartsWith("HC1:", text, StringComparison.Ordinal);
            Assert.InRange(text.Length, 300, 610);
            Assert.All(text[4..], c => Assert.Contains(c, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"));
        }
    }

    [Fact]
    public void Write_Samples_ManifestListsFileExpectedAndFamily()
    {
        using var folder = new TempDirectory("qr-corpus");
        var generator = new QrCorpusGenerator(9);
        QrSample[] samples = [generator.Generate(DistortionFamily.Glare, 0.5, generator.Payloads.ShortUrl()), generator.EmptyFrame(320, 240, ".pgm")];

        var files = QrCorpusWriter.Write(folder.Path, samples);

        var lines = File.ReadAllLines(Path.Combine(folder.Path, QrCorpusWriter.ManifestName));
        Assert.Equal(2, lines.Length);
        using var glare = JsonDocument.Parse(lines[0]);
        using var empty = JsonDocument.Parse(lines[1]);
        Assert.Equal(Path.GetFileName(files[0].Path), glare.RootElement.GetProperty("file").GetString());
        Assert.Equal(samples[0].Expected, glare.RootElement.GetProperty("expected").GetString());
        Assert.Equal("Glare", glare.RootElement.GetProperty("family").GetString());
        Assert.Equal(JsonValueKind.Null, empty.RootElement.GetProperty("expected").ValueKind);
        Assert.Equal(320, ImageFiles.Load(files[1].Path).Width);
    }
}
