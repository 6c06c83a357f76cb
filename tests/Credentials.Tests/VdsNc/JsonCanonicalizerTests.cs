using System.Text;
using System.Text.Json.Nodes;
using ScanPoint.Credentials.VdsNc;

namespace ScanPoint.Credentials.Tests.VdsNc;

/// <summary>RFC 8785 examples: member order, string escapes and ECMAScript number serialisation.</summary>
public sealed class JsonCanonicalizerTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(100.0, "100")]
    [InlineData(123.45, "123.45")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(9007199254740992.0, "9007199254740992")]
    [InlineData(333333333.33333329, "333333333.3333333")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    public void FormatNumber_Rfc8785Examples(double number, string expected)
    {
        Assert.Equal(expected, JsonCanonicalizer.FormatNumber(number));
    }

    [Fact]
    public void TryCanonicalize_SortsByUtf16AndEscapesMinimally()
    {
        var node = JsonNode.Parse("""{"b": [true, null, false], "a": "x\u000f\n\"\\é€", "\u20ac": 1, "\ud83d\ude00": 2, "A": {}}""");

        var text = Encoding.UTF8.GetString(JsonCanonicalizer.TryCanonicalize(node)!);

        Assert.Equal("{\"A\":{},\"a\":\"x\\u000f\\n\\\"\\\\é€\",\"b\":[true,null,false],\"€\":1,\"😀\":2}", text);
    }

    [Fact]
    public void TryCanonicalize_LoneSurrogate_Null()
    {
        Assert.Null(JsonCanonicalizer.TryCanonicalize(JsonNode.Parse("""{"a": "\ud800"}""")));
    }
}
