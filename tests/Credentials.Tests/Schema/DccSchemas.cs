using ScanPoint.Credentials.Dcc.Schema;
using ScanPoint.TestKit;

namespace ScanPoint.Credentials.Tests.Schema;

/// <summary>The official DCC schemas of dcc-schema/&lt;ver&gt;/, read by the test (the library does no I/O).</summary>
public static class DccSchemas
{
    private static readonly Lazy<DccSchemaSet> Lazy = new(() => DccSchemaSet.FromJson(Texts()));

    public static DccSchemaSet All => Lazy.Value;

    public static Dictionary<string, string> Texts() =>
        Directory.EnumerateDirectories(Path.Combine(TestData.Root, "dcc-schema"))
            .ToDictionary(
                d => Path.GetFileName(d),
                d => File.ReadAllText(Directory.EnumerateFiles(d, "*.combined-schema.json").Single()));
}
