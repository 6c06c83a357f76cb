using System.Text.Json.Nodes;
using ScanPoint.Credentials.CertLogic;

namespace ScanPoint.Credentials.Tests.CertLogic;

public sealed class CertLogicEvaluatorTests
{
    [Theory]
    [InlineData("2020-02-29", 1, "day", "2020-03-01T00:00:00Z")]
    [InlineData("2020-02-29", 1, "month", "2020-03-29T00:00:00Z")]
    [InlineData("2020-02-29", 1, "year", "2021-03-01T00:00:00Z")]
    [InlineData("2021-01-31", 1, "month", "2021-03-03T00:00:00Z")]
    [InlineData("2021-03-31", -1, "month", "2021-03-03T00:00:00Z")]
    [InlineData("2021-01-15", -13, "month", "2019-12-15T00:00:00Z")]
    [InlineData("2021-06-01T00:00:00Z", 40, "hour", "2021-06-02T16:00:00Z")]
    [InlineData("2021", 0, "day", "2021-12-31T00:00:00Z")]
    [InlineData("2020-02", 0, "day", "2020-02-29T00:00:00Z")]
    [InlineData("2021-06-01T12:00:00", 0, "hour", "2021-06-01T12:00:00Z")]
    [InlineData("2021-06-01T12:00:00+2", 0, "hour", "2021-06-01T10:00:00Z")]
    [InlineData("2021-06-01T12:00:00-02", 0, "hour", "2021-06-01T14:00:00Z")]
    [InlineData("2021-06-01T12:00:00+130", 0, "hour", "2021-06-01T10:30:00Z")]
    [InlineData("2021-06-01T12:00:00+0130", 0, "hour", "2021-06-01T10:30:00Z")]
    [InlineData("2021-06-01T12:00:00+1:30", 0, "hour", "2021-06-01T10:30:00Z")]
    [InlineData("2021-06-01T12:00:00+01:30", 0, "hour", "2021-06-01T10:30:00Z")]
    [InlineData("2021-06-01T12:00:00.1Z", 0, "hour", "2021-06-01T12:00:00.100Z")]
    [InlineData("2021-06-01T12:00:00.123999+00:00", 0, "hour", "2021-06-01T12:00:00.123Z")]
    public void Evaluate_PlusTime_FollowsSpecArithmetic(string date, int amount, string unit, string expected)
    {
        var result = CertLogicEvaluator.Evaluate(Json($$"""{ "plusTime": [ "{{date}}", {{amount}}, "{{unit}}" ] }"""), null);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value!.GetValue<DateTimeOffset>());
    }

    [Theory]
    [InlineData("2004", "2004-12-31T00:00:00Z")]
    [InlineData("2004-02", "2004-02-29T00:00:00Z")]
    [InlineData("2004-02-03", "2004-02-03T00:00:00Z")]
    public void Evaluate_DccDateOfBirth_IsLastConsistentDate(string dob, string expected)
    {
        var result = CertLogicEvaluator.Evaluate(Json($$"""{ "dccDateOfBirth": [ "{{dob}}" ] }"""), null);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value!.GetValue<DateTimeOffset>());
    }

    [Theory]
    [InlineData("""{ "plusTime": [ "2021-02-30", 0, "day" ] }""")]
    [InlineData("""{ "plusTime": [ "2022-13", 0, "day" ] }""")]
    [InlineData("""{ "plusTime": [ "2021-06-01 00:00:00", 0, "day" ] }""")]
    [InlineData("""{ "plusTime": [ "2021-06-01T25:00:00Z", 0, "day" ] }""")]
    [InlineData("""{ "plusTime": [ "2021-06-01", 1, "week" ] }""")]
    [InlineData("""{ "plusTime": [ "2021-06-01", { "var": "x" }, "day" ] }""")]
    [InlineData("""{ "plusTime": [ { "plusTime": [ "2021-06-01", 0, "day" ] }, 1, "day" ] }""")]
    [InlineData("""{ "plusTime": [ null, 0, "day" ] }""")]
    [InlineData("""{ "dccDateOfBirth": [ "1964-08-12T00:00:00Z" ] }""")]
    [InlineData("""{ "after": [ "2021-06-01", "2021-05-01" ] }""")]
    [InlineData("""{ "<": [ 1, "2" ] }""")]
    [InlineData("""{ "<": [ 1, 2, 3, 4 ] }""")]
    [InlineData("""{ "+": [ 1, "2" ] }""")]
    [InlineData("""{ "in": [ "a", "abc" ] }""")]
    [InlineData("""{ "!": [ 3.5 ] }""")]
    [InlineData("""{ "if": [ 3.5, 1, 2 ] }""")]
    [InlineData("""{ "if": [ true, 1 ] }""")]
    [InlineData("""{ "and": [ true ] }""")]
    [InlineData("""{ "and": [ { "plusTime": [ "2021", 0, "day" ] }, true ] }""")]
    [InlineData("""{ "reduce": [ "abc", 1, 0 ] }""")]
    [InlineData("""{ "extractFromUVCI": [ 42, 0 ] }""")]
    [InlineData("""{ "var": 0 }""")]
    [InlineData("""{ "var": [ "x", 1 ] }""")]
    [InlineData("""{ "===": [ 1, 1, 1 ] }""")]
    [InlineData("""3.14""")]
    [InlineData("""null""")]
    [InlineData("""{ }""")]
    [InlineData("""{ "var": "x", "if": [] }""")]
    [InlineData("""{ "if": [] }""")]
    [InlineData("""{ "+": [ 9007199254740991, 1 ] }""")]
    public void Evaluate_InvalidExpressionOrTypeMismatch_ReturnsEvaluationError(string expression)
    {
        var result = CertLogicEvaluator.Evaluate(Json(expression), Json("""{ "x": 1 }"""));

        Assert.False(result.IsSuccess);
        Assert.Equal(CertLogicCodes.Evaluation, result.Code);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Theory]
    [InlineData("!==")]
    [InlineData("plus")]
    [InlineData("all")]
    [InlineData("map")]
    [InlineData("missing")]
    [InlineData("==")]
    [InlineData("or")]
    public void Evaluate_UnknownOperator_ReturnsErrorNamingIt(string op)
    {
        var result = CertLogicEvaluator.Evaluate(new JsonObject { [op] = new JsonArray(1, 2) }, null);

        Assert.False(result.IsSuccess);
        Assert.Equal($"unrecognised operator: \"{op}\"", result.Error);
    }

    [Fact]
    public void Evaluate_DataRootTwiceInArray_CopiesAndLeavesDataDetached()
    {
        var data = Json("""{ "a": [ 1, 2 ] }""");

        var result = CertLogicEvaluator.Evaluate(Json("""[ { "var": "" }, { "var": "" }, { "var": "a" } ]"""), data);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal("""[{"a":[1,2]},{"a":[1,2]},[1,2]]""", result.Value!.ToJsonString());
        Assert.Null(data!.Parent);
    }

    [Fact]
    public void Evaluate_ReduceOverObjects_SeesCurrentAndAccumulator()
    {
        var expression = Json("""{ "reduce": [ { "var": "v" }, { "if": [ { "===": [ { "var": "current.tg" }, "840539006" ] }, { "+": [ { "var": "accumulator" }, 1 ] }, { "var": "accumulator" } ] }, 0 ] }""");

        var result = CertLogicEvaluator.Evaluate(expression, Json("""{ "v": [ { "tg": "840539006" }, { "tg": "x" }, { "tg": "840539006" } ] }"""));

        Assert.Equal(2, result.Value!.GetValue<long>());
    }

    [Fact]
    public void Evaluate_EqualityOnContainersAndIntegers_ComparesByValue()
    {
        Assert.True(CertLogicEvaluator.Evaluate(Json("""{ "===": [ [ 1, "a" ], [ 1, "a" ] ] }"""), null).Value!.GetValue<bool>());
        Assert.True(CertLogicEvaluator.Evaluate(Json("""{ "===": [ { "var": "x" }, 1 ] }"""), Json("""{ "x": 1.0 }""")).Value!.GetValue<bool>());
        Assert.False(CertLogicEvaluator.Evaluate(Json("""{ "===": [ { "var": "x" }, true ] }"""), Json("""{ "x": 1 }""")).Value!.GetValue<bool>());
    }

    private static JsonNode? Json(string text) => JsonNode.Parse(text);
}
