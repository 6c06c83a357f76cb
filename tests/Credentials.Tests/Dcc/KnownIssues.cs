using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.Tests.Dcc;

/// <summary>dcc/KNOWN-ISSUES.json: upstream expectations known to be wrong, as (folder, file, flag) triples.</summary>
public static class KnownIssues
{
    private static readonly Lazy<List<(string Folder, string? File, string Flag, string Issue)>> Entries = new(Load);

    /// <summary>The upstream issue when this flag of this file is a known-wrong expectation; else null.</summary>
    public static string? Find(DccTestFile file, string flag) =>
        Entries.Value
            .Where(e => e.Folder == file.Country && (e.File is null || e.File == file.FileName) && e.Flag == flag)
            .Select(e => e.Issue)
            .FirstOrDefault();

    private static List<(string, string?, string, string)> Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(DccTestFile.Folder, "KNOWN-ISSUES.json")))!;
        var entries = new List<(string, string?, string, string)>();
        foreach (var issue in root["upstream_known_issues"]!.AsArray())
        {
            var folder = issue!["folder"]!.GetValue<string>();
            var name = issue["issue"]!.GetValue<string>();
            var files = issue["files"] is JsonArray list
                ? list.Select(f => (string?)f!.GetValue<string>()).ToList()
                : [null];
            foreach (var flag in issue["flag"]!.GetValue<string>().Split(','))
            {
                entries.AddRange(files.Select(f => (folder, f, flag.Trim(), name)));
            }
        }

        return entries;
    }
}
