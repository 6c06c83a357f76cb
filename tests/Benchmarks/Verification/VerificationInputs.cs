using System.Text.Json.Nodes;
using ScanPoint.Credentials.Dcc.Schema;

namespace ScanPoint.Benchmarks.Verification;

/// <summary>The sample certificate, and the official schemas and EU rule templates from ../shared/testdata when present.</summary>
internal static class VerificationInputs
{
    /// <summary>A complete two-dose vaccination; <paramref name="name"/> and the certificate id vary it per person.</summary>
    public static JsonObject Vaccination(
        JsonObject? name = null, string issuer = "Ministry of Health", string certificateId = "URN:UVCI:01:VN:BENCH0000001") => new()
        {
            ["ver"] = "1.3.0",
            ["nam"] = name ?? new JsonObject { ["fn"] = "Nguyễn", ["fnt"] = "NGUYEN", ["gn"] = "Văn A", ["gnt"] = "VAN<A" },
            ["dob"] = "1990-01-01",
            ["v"] = new JsonArray(new JsonObject
            {
                ["tg"] = "840539006",
                ["vp"] = "1119349007",
                ["mp"] = "EU/1/20/1528",
                ["ma"] = "ORG-100030215",
                ["dn"] = 2,
                ["sd"] = 2,
                ["dt"] = "2026-01-10",
                ["co"] = "VN",
                ["is"] = issuer,
                ["ci"] = certificateId,
            }),
        };

    public static DccSchemaSet? Schemas()
    {
        var folder = Path.Combine(TestDataRoot(), "dcc-schema", "1.3.0");
        return Directory.Exists(folder)
            ? DccSchemaSet.FromJson(new Dictionary<string, string> { ["1.3.0"] = File.ReadAllText(Directory.GetFiles(folder, "*.json")[0]) })
            : null;
    }

    public static (IReadOnlyList<JsonObject> Rules, JsonObject ValueSets) EuRules()
    {
        var folder = Path.Combine(TestDataRoot(), "certlogic", "rules");
        if (!Directory.Exists(folder))
        {
            return ([], []);
        }

        var rules = Directory.GetFiles(Path.Combine(folder, "EU"), "rule.json", SearchOption.AllDirectories)
            .Select(f => (JsonObject)JsonNode.Parse(File.ReadAllText(f))!)
            .ToList();
        return (rules, (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "valuesets", "valueSets.json")))!);
    }

    private static string TestDataRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScanPoint.slnx")))
            {
                return Path.Combine(dir.FullName, "..", "shared", "testdata");
            }
        }

        return "shared/testdata";
    }
}
