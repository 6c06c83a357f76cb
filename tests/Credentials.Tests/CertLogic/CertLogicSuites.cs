using System.Text.Json.Nodes;
using ScanPoint.TestKit;

namespace ScanPoint.Credentials.Tests.CertLogic;

/// <summary>
/// Reads the CertLogic specification suites (certlogic/spec) and the business-rule tests (certlogic/rules)
/// from <see cref="TestData.Root"/>.
/// </summary>
internal static class CertLogicSuites
{
    public static string SpecRoot { get; } = Path.Combine(TestData.Root, "certlogic", "spec");

    public static string RulesRoot { get; } = Path.Combine(TestData.Root, "certlogic", "rules");

    private static readonly Lazy<IReadOnlyList<SpecAssertion>> LazyAssertions = new(LoadAssertions);

    /// <summary>Every evaluator assertion of testSuite/*.json, with <c>skip</c> directives on suite, case or assertion honoured.</summary>
    public static IReadOnlyList<SpecAssertion> Assertions => LazyAssertions.Value;

    public static JsonNode? Parse(string path) => JsonNode.Parse(File.ReadAllText(path));

    public static IEnumerable<string> ValidationFiles() =>
        Directory.EnumerateFiles(Path.Combine(SpecRoot, "validation-testSuite"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>Every business-rule test, as paths relative to <see cref="RulesRoot"/> (e.g. DE/RR-DE-0002/tests/test001.json).</summary>
    public static IEnumerable<string> RuleTests() =>
        Directory.EnumerateFiles(RulesRoot, "*.json", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(Path.GetDirectoryName(path)) == "tests")
            .Select(path => Path.GetRelativePath(RulesRoot, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static List<SpecAssertion> LoadAssertions()
    {
        var assertions = new List<SpecAssertion>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(SpecRoot, "testSuite"), "*.json").Order(StringComparer.Ordinal))
        {
            var suite = Parse(path)!.AsObject();
            if (IsSkipped(suite))
            {
                continue;
            }

            var cases = suite["cases"]!.AsArray();
            for (var c = 0; c < cases.Count; c++)
            {
                var testCase = cases[c]!.AsObject();
                if (IsSkipped(testCase))
                {
                    continue;
                }

                var items = testCase["assertions"]!.AsArray();
                for (var a = 0; a < items.Count; a++)
                {
                    var assertion = items[a]!.AsObject();
                    if (IsSkipped(assertion))
                    {
                        continue;
                    }

                    var expression = assertion.TryGetPropertyValue("certLogicExpression", out var own) ? own : testCase["certLogicExpression"];
                    assertions.Add(new SpecAssertion(
                        $"{Path.GetFileName(path)} #{c} \"{testCase["name"]}\" [{a}]",
                        expression,
                        assertion["data"],
                        assertion["expected"],
                        assertion["message"]?.GetValue<string>()));
                }
            }
        }

        return assertions;
    }

    private static bool IsSkipped(JsonObject node) => node["directive"]?.GetValue<string>() == "skip";
}
