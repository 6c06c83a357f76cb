using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ScanPoint.TestKit;

namespace ScanPoint.Credentials.Tests.Dcc;

/// <summary>One upstream dgc-testdata file: its fields, its TESTCTX and its EXPECTEDRESULTS flags.</summary>
public sealed partial class DccTestFile
{
    private readonly JsonObject _root;

    private DccTestFile(string relativePath, JsonObject root)
    {
        RelativePath = relativePath;
        _root = root;
    }

    public static string Folder => Path.Combine(TestData.Root, "dcc");

    /// <summary>Path under dcc/, with forward slashes (e.g. common/2DCode/raw/CO1.json).</summary>
    public string RelativePath { get; }

    /// <summary>The country folder (first path segment).</summary>
    public string Country => RelativePath.Split('/')[0];

    public string FileName => RelativePath.Split('/')[^1];

    public string? Prefix => Text("PREFIX");

    public string? Base45 => Text("BASE45");

    public byte[]? Compressed => Hex("COMPRESSED");

    public byte[]? Cose => Hex("COSE");

    public JsonObject? Json => _root["JSON"] as JsonObject;

    public byte[]? Certificate =>
        _root["TESTCTX"]?["CERTIFICATE"]?.GetValue<string>() is { Length: > 0 } b64 ? Convert.FromBase64String(b64) : null;

    public DateTimeOffset? ValidationClock => ParseClock(_root["TESTCTX"]?["VALIDATIONCLOCK"]?.GetValue<string>());

    /// <summary>The boolean EXPECTED* flags (unknown and misspelled keys included; nested non-bool ignored).</summary>
    public IReadOnlyDictionary<string, bool> Flags =>
        (_root["EXPECTEDRESULTS"] as JsonObject ?? [])
            .Where(p => p.Value is JsonValue v && v.TryGetValue<bool>(out _) && p.Key != "EXPECTEDRESULTS")
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<bool>());

    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Where(f => f != "KNOWN-ISSUES.json")
            .Order(StringComparer.Ordinal);

    public static DccTestFile Load(string relativePath) =>
        new(relativePath, JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, relativePath))) as JsonObject ?? []);

    public override string ToString() => RelativePath;

    internal static DateTimeOffset? ParseClock(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var normalised = OffsetWithoutColon().Replace(text, "$1:$2");
        return DateTimeOffset.Parse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    private string? Text(string name) => _root[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private byte[]? Hex(string name) => Text(name) is { } hex ? Convert.FromHexString(hex.Trim()) : null;

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex OffsetWithoutColon();
}
