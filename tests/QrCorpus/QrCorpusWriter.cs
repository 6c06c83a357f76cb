using System.Globalization;
using System.Text.Json;

namespace ScanPoint.QrCorpus;

/// <summary>
/// Saves samples to a folder as <c>NNNN-family-strength.ext</c> plus <c>manifest.jsonl</c>: one JSON object a line with
/// <c>file</c>, <c>expected</c> (null for an empty frame), <c>family</c>, <c>strength</c> and <c>payload</c>.
/// </summary>
public static class QrCorpusWriter
{
    public const string ManifestName = "manifest.jsonl";

    public static IReadOnlyList<QrCorpusFile> Write(string directory, IEnumerable<QrSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        Directory.CreateDirectory(directory);
        var files = new List<QrCorpusFile>();
        using var manifest = new StreamWriter(Path.Combine(directory, ManifestName));
        foreach (var sample in samples)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{files.Count:D4}-{sample.Name}{sample.Extension}");
            var path = Path.Combine(directory, name);
            File.WriteAllBytes(path, sample.Image);
            files.Add(new QrCorpusFile(path, sample));
            manifest.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["file"] = name,
                ["expected"] = sample.Expected,
                ["family"] = sample.Family.ToString(),
                ["strength"] = sample.Strength,
                ["payload"] = sample.PayloadKind,
            }));
        }

        return files;
    }
}
