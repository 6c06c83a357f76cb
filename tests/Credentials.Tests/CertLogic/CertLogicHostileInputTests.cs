using System.Text.Json.Nodes;
using ScanPoint.Credentials.CertLogic;

namespace ScanPoint.Credentials.Tests.CertLogic;

/// <summary>Hostile rules and data end in an error result within the limits, never in a crash or a hang.</summary>
public sealed class CertLogicHostileInputTests
{
    [Theory]
    [InlineData(65)]
    [InlineData(100_000)]
    public void Evaluate_DeeplyNestedOperations_ReturnsLimitError(int depth)
    {
        JsonNode expression = true;
        for (var i = 0; i < depth; i++)
        {
            expression = new JsonObject { ["!"] = new JsonArray(expression) };
        }

        var result = CertLogicEvaluator.Evaluate(expression, null);

        Assert.Equal(CertLogicCodes.Limit, result.Code);
        Assert.Contains(CertLogicValidator.Validate(expression), issue => issue.Message == "expression nested too deeply");
    }

    [Fact]
    public void Evaluate_NestingWithinDepth_Evaluates()
    {
        JsonNode expression = true;
        for (var i = 0; i < 62; i++)
        {
            expression = new JsonObject { ["!"] = new JsonArray(expression) };
        }

        Assert.True(CertLogicEvaluator.Evaluate(expression, null).Value!.GetValue<bool>());
    }

    [Fact]
    public void Evaluate_DeeplyNestedArrays_ReturnsLimitError()
    {
        JsonNode expression = new JsonArray();
        for (var i = 0; i < 100_000; i++)
        {
            expression = new JsonArray(expression);
        }

        Assert.Equal(CertLogicCodes.Limit, CertLogicEvaluator.Evaluate(expression, null).Code);
    }

    [Fact]
    public void Evaluate_HugeLiteralArray_ReturnsLimitError()
    {
        var expression = new JsonArray([.. Enumerable.Range(0, 1_000_000).Select(i => (JsonNode)i)]);

        var result = CertLogicEvaluator.Evaluate(expression, null);

        Assert.True(CertLogicCodes.Limit == result.Code, result.Error);
    }

    [Fact]
    public void Evaluate_ReduceOverHugeDataArray_ReturnsLimitError()
    {
        var data = new JsonObject { ["xs"] = new JsonArray([.. Enumerable.Range(0, 1_000_000).Select(i => (JsonNode)i)]) };
        var expression = JsonNode.Parse("""{ "reduce": [ { "var": "xs" }, { "+": [ { "var": "accumulator" }, 1 ] }, 0 ] }""");

        Assert.Equal(CertLogicCodes.Limit, CertLogicEvaluator.Evaluate(expression, data).Code);
    }

    [Fact]
    public void Evaluate_ReduceBuildingEverDeeperAccumulator_ReturnsLimitError()
    {
        var data = new JsonObject { ["xs"] = new JsonArray([.. Enumerable.Range(0, 5_000).Select(i => (JsonNode)i)]) };
        var expression = JsonNode.Parse("""{ "reduce": [ { "var": "xs" }, [ { "var": "accumulator" }, { "var": "accumulator" } ], 0 ] }""");

        Assert.Equal(CertLogicCodes.Limit, CertLogicEvaluator.Evaluate(expression, data).Code);
    }

    [Fact]
    public void Evaluate_InOnHugeDataArray_Evaluates()
    {
        var data = new JsonObject { ["xs"] = new JsonArray([.. Enumerable.Range(0, 1_000_000).Select(i => (JsonNode)i.ToString(System.Globalization.CultureInfo.InvariantCulture))]) };

        var result = CertLogicEvaluator.Evaluate(JsonNode.Parse("""{ "in": [ "999999", { "var": "xs" } ] }"""), data);

        Assert.True(result.Value!.GetValue<bool>());
    }

    [Fact]
    public void Evaluate_HandBuiltDeepData_ReturnsLimitErrorWhenCopiedOrCompared()
    {
        JsonNode deep = 1;
        for (var i = 0; i < 100_000; i++)
        {
            deep = new JsonArray(deep);
        }

        var data = new JsonObject { ["d"] = deep };

        Assert.Equal(CertLogicCodes.Limit, CertLogicEvaluator.Evaluate(JsonNode.Parse("""[ { "var": "d" } ]"""), data).Code);
        Assert.Equal(CertLogicCodes.Limit, CertLogicEvaluator.Evaluate(JsonNode.Parse("""{ "===": [ { "var": "d" }, { "var": "d" } ] }"""), data).Code);
    }

    [Theory]
    [InlineData("""{ "plusTime": [ "2021-06-01", 9007199254740991, "day" ] }""")]
    [InlineData("""{ "plusTime": [ "2021-06-01", -9007199254740991, "month" ] }""")]
    [InlineData("""{ "plusTime": [ "9999-12-31T23:59:59Z", 1, "hour" ] }""")]
    [InlineData("""{ "plusTime": [ "0000-01-01", 0, "year" ] }""")]
    [InlineData("""{ "plusTime": [ "2021-06-01T00:00:00.0000000000000000000000000000000000000001Z", 0, "day" ] }""")]
    [InlineData("""{ "\u0000": [ 1 ] }""")]
    public void Evaluate_HostileValues_ReturnsErrorResult(string expression)
    {
        var result = CertLogicEvaluator.Evaluate(JsonNode.Parse(expression), null);

        Assert.False(result.IsSuccess);
    }

    [Fact]
    public void Evaluate_HugeStringsAndPaths_Evaluate()
    {
        var uvci = string.Join('/', Enumerable.Repeat("x", 500_000));
        var data = new JsonObject { ["u"] = uvci };

        Assert.Equal("x", CertLogicEvaluator.Evaluate(JsonNode.Parse("""{ "extractFromUVCI": [ { "var": "u" }, 3 ] }"""), data).Value!.GetValue<string>());
        Assert.Null(CertLogicEvaluator.Evaluate(JsonNode.Parse("""{ "extractFromUVCI": [ { "var": "u" }, 9007199254740991 ] }"""), data).Value);
        Assert.Null(CertLogicEvaluator.Evaluate(new JsonObject { ["var"] = string.Join('.', Enumerable.Repeat("a", 100_000)) }, data).Value);
    }

    [Fact]
    public void Evaluate_RuleWithUnknownOperator_IsOpenNotException()
    {
        var rule = JsonNode.Parse("""{ "Identifier": "GR-XX-0001", "Engine": "CERTLOGIC", "Logic": { "!==": [ 1, 2 ] } }""");

        var result = new RuleEvaluator().Evaluate(rule, new JsonObject(), new JsonObject());

        Assert.Equal(new RuleResult("GR-XX-0001", RuleOutcome.Open, CertLogicCodes.Evaluation, "unrecognised operator: \"!==\""), result);
    }
}
