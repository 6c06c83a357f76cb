using System.Text.Json.Nodes;
using ScanPoint.Credentials.CertLogic;
using Xunit.Abstractions;

namespace ScanPoint.Credentials.Tests.CertLogic;

/// <summary>
/// Every business-rule test of certlogic/rules (96 rules, 655 tests): the rule on
/// <c>{ payload, external }</c> must pass (expected true) or fail (expected false), never stay open.
/// </summary>
public sealed class RuleTestDataTests(ITestOutputHelper output)
{
    private const int ExpectedTestCount = 655;

    public static TheoryData<string> Tests() => [.. CertLogicSuites.RuleTests()];

    [Theory]
    [MemberData(nameof(Tests))]
    public void Evaluate_RuleTest_GivesExpectedOutcome(string relativePath)
    {
        var (expected, actual) = Run(relativePath);

        output.WriteLine($"{relativePath}: {actual}");
        Assert.Equal(expected, actual.Outcome);
    }

    [Fact]
    public void Evaluate_AllRuleTests_AllPass()
    {
        var tests = CertLogicSuites.RuleTests().ToList();
        var failures = tests.Select(path => (path, run: Run(path))).Where(t => t.run.Expected != t.run.Actual.Outcome).ToList();

        foreach (var (path, run) in failures)
        {
            output.WriteLine($"{path}: expected {run.Expected}, got {run.Actual}");
        }

        output.WriteLine($"rule tests: {tests.Count - failures.Count}/{tests.Count} pass");
        Assert.Equal(ExpectedTestCount, tests.Count);
        Assert.Empty(failures);
    }

    private static (RuleOutcome Expected, RuleResult Actual) Run(string relativePath)
    {
        var testPath = Path.Combine(CertLogicSuites.RulesRoot, relativePath);
        var rulePath = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(testPath))!, "rule.json");
        var test = CertLogicSuites.Parse(testPath)!.AsObject();
        var rule = CertLogicSuites.Parse(rulePath);

        // NL/GR-NL-0002/tests/test004.json has no payload upstream: evaluated as a missing (null) payload.
        var result = new RuleEvaluator().Evaluate(rule, test["payload"], test["external"]);
        var expected = test["expected"]!.GetValue<bool>() ? RuleOutcome.Passed : RuleOutcome.Failed;
        return (expected, result);
    }
}
