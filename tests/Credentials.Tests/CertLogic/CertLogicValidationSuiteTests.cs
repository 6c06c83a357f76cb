using System.Text.Json.Nodes;
using ScanPoint.Credentials.CertLogic;
using Xunit.Abstractions;

namespace ScanPoint.Credentials.Tests.CertLogic;

/// <summary>The specification's validation test suite (validation-testSuite/*.json): 4 files, 23 cases.</summary>
public sealed class CertLogicValidationSuiteTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files() => [.. CertLogicSuites.ValidationFiles()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Validate_SuiteFile_ReportsExactlyTheExpectedIssues(string file)
    {
        var failures = new List<string>();
        var cases = Cases(file);
        foreach (var testCase in cases)
        {
            var expression = testCase["certLogicExpression"];
            var expected = testCase["issues"]!.AsArray();
            var actual = CertLogicValidator.Validate(expression);
            var same = actual.Count == expected.Count && actual.Zip(expected).All(pair =>
                pair.First.Message == pair.Second!["message"]!.GetValue<string>()
                && JsonNode.DeepEquals(pair.First.Expression, pair.Second["expr"]));
            if (!same)
            {
                failures.Add($"{expression?.ToJsonString() ?? "null"}: expected {expected.ToJsonString()}, got [{string.Join(", ", actual.Select(i => i.Message))}]");
            }
        }

        output.WriteLine($"{file}: {cases.Count - failures.Count}/{cases.Count} cases pass");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Validate_WholeValidationSuite_Has23Cases()
    {
        Assert.Equal(23, CertLogicSuites.ValidationFiles().Sum(file => Cases(file).Count));
    }

    private static List<JsonObject> Cases(string file) =>
        [.. CertLogicSuites.Parse(Path.Combine(CertLogicSuites.SpecRoot, "validation-testSuite", file))!["cases"]!.AsArray().Select(c => c!.AsObject())];
}
