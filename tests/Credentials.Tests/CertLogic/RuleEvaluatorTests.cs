using System.Text.Json.Nodes;
using ScanPoint.Credentials.CertLogic;

namespace ScanPoint.Credentials.Tests.CertLogic;

public sealed class RuleEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2021, 6, 15, 12, 0, 0, TimeSpan.FromHours(2));

    [Theory]
    [InlineData("""{ "Engine": "CERTLOGIC", "Logic": true }""", RuleOutcome.Passed, null)]
    [InlineData("""{ "Engine": "CERTLOGIC", "Logic": false }""", RuleOutcome.Failed, null)]
    [InlineData("""{ "Logic": { "in": [ { "var": "payload.v.0.mp" }, { "var": "external.valueSets.vaccines-covid-19-names" } ] } }""", RuleOutcome.Passed, null)]
    [InlineData("""{ "Logic": { "before": [ { "plusTime": [ { "var": "payload.v.0.dt" }, 14, "day" ] }, { "plusTime": [ { "var": "external.validationClock" }, 0, "day" ] } ] } }""", RuleOutcome.Passed, null)]
    [InlineData("""{ "Logic": { "before": [ { "plusTime": [ { "var": "payload.v.0.dt" }, 30, "day" ] }, { "plusTime": [ { "var": "external.validationClock" }, 0, "day" ] } ] } }""", RuleOutcome.Failed, null)]
    [InlineData("""{ "Engine": "CERTLOGIC", "Logic": "yes" }""", RuleOutcome.Open, CertLogicCodes.RuleNotBoolean)]
    [InlineData("""{ "Engine": "CERTLOGIC", "Logic": { "var": "payload.nope" } }""", RuleOutcome.Open, CertLogicCodes.RuleNotBoolean)]
    [InlineData("""{ "Engine": "CERTLOGIC", "Logic": { "plusTime": [ { "var": "payload.nope" }, 0, "day" ] } }""", RuleOutcome.Open, CertLogicCodes.Evaluation)]
    [InlineData("""{ "Engine": "JSONLOGIC", "Logic": true }""", RuleOutcome.Open, CertLogicCodes.RuleInvalid)]
    [InlineData("""{ "Engine": "CERTLOGIC" }""", RuleOutcome.Open, CertLogicCodes.RuleInvalid)]
    [InlineData("""[ true ]""", RuleOutcome.Open, CertLogicCodes.RuleInvalid)]
    public void Evaluate_Rule_MapsLogicResultToOutcome(string rule, RuleOutcome expected, string? code)
    {
        var payload = JsonNode.Parse("""{ "v": [ { "mp": "EU/1/20/1528", "dt": "2021-06-01" } ] }""");
        var valueSets = new JsonObject { ["vaccines-covid-19-names"] = new JsonArray("EU/1/20/1528") };

        var result = new RuleEvaluator().Evaluate(JsonNode.Parse(rule), payload, RuleEvaluator.CreateExternal(Now, valueSets));

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(code, result.Code);
    }

    [Fact]
    public void CreateExternal_Clock_IsUtcIsoWithMilliseconds()
    {
        var external = RuleEvaluator.CreateExternal(Now, null, "NL");

        Assert.Equal("""{"validationClock":"2021-06-15T10:00:00.000Z","valueSets":{},"countryCode":"NL"}""", external.ToJsonString());
    }

    [Fact]
    public void Evaluate_EveryPublishedRule_ValidatesWithoutIssues()
    {
        var rules = Directory.EnumerateFiles(CertLogicSuites.RulesRoot, "rule.json", SearchOption.AllDirectories).ToList();

        var withIssues = rules.Where(path => CertLogicValidator.Validate(CertLogicSuites.Parse(path)!["Logic"]).Count > 0).ToList();

        Assert.Equal(96, rules.Count);
        Assert.Empty(withIssues);
    }
}
