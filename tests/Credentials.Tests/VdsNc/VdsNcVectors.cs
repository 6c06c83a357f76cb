using System.Text.Json.Nodes;
using ScanPoint.TestKit;

namespace ScanPoint.Credentials.Tests.VdsNc;

/// <summary>The seals in ../shared/testdata/vds-nc: each JSON file holds one seal or an array of seals.</summary>
public static class VdsNcVectors
{
    public static string Folder => Path.Combine(TestData.Root, "vds-nc");

    /// <summary>Names like "VDS-NC-Examples.json#1".</summary>
    public static IEnumerable<string> Names()
    {
        foreach (var path in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            var count = JsonNode.Parse(File.ReadAllText(path)) is JsonArray array ? array.Count : 1;
            for (var i = 0; i < count; i++)
            {
                yield return $"{Path.GetFileName(path)}#{i}";
            }
        }
    }

    /// <summary>The seal as a QR would carry it: compact JSON text.</summary>
    public static string Text(string name) => Seal(name).ToJsonString();

    public static JsonObject Seal(string name)
    {
        var hash = name.LastIndexOf('#');
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name[..hash])))!;
        var index = int.Parse(name[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return (JsonObject)(root is JsonArray array ? array[index]! : root).DeepClone();
    }
}
