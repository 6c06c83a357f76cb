using System.Text.Json.Nodes;
using ScanPoint.Credentials.CertLogic;
using Xunit.Abstractions;

namespace ScanPoint.Credentials.Tests.CertLogic;

/// <summary>The specification's evaluator test suite (testSuite/*.json), one theory row per assertion.</summary>
public sealed class CertLogicSpecSuiteTests(ITestOutputHelper output)
{
    /// <summary>218 assertions when skip directives are honoured (testdata README).</summary>
    private const int ExpectedAssertionCount = 218;

    public static TheoryData<int> AssertionIndices() => [.. Enumerable.Range(0, CertLogicSuites.Assertions.Count)];

    [Theory]
    [MemberData(nameof(AssertionIndices))]
    public void Evaluate_SpecAssertion_GivesExpectedValue(int index)
    {
        var assertion = CertLogicSuites.Assertions[index];
        output.WriteLine(assertion.Name);

        var result = CertLogicEvaluator.Evaluate(assertion.Expression, assertion.Data);

        Assert.True(result.IsSuccess, $"{assertion.Name}: {result.Code} {result.Error}");
        Assert.True(JsonNode.DeepEquals(assertion.Expected, result.Value),
            $"{assertion.Name} ({assertion.Message}): expected {assertion.Expected?.ToJsonString() ?? "null"}, got {result.Value?.ToJsonString() ?? "null"}");
    }

    [Fact]
    public void Evaluate_WholeSpecSuite_AllAssertionsPass()
    {
        var passed = CertLogicSuites.Assertions.Count(a =>
            CertLogicEvaluator.Evaluate(a.Expression, a.Data) is { IsSuccess: true } r && JsonNode.DeepEquals(a.Expected, r.Value));

        output.WriteLine($"spec testSuite: {passed}/{CertLogicSuites.Assertions.Count} assertions pass");
        Assert.Equal(ExpectedAssertionCount, CertLogicSuites.Assertions.Count);
        Assert.Equal(ExpectedAssertionCount, passed);
    }
}
