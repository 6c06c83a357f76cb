using ScanPoint.FleetServer.Tracing;

namespace ScanPoint.FleetServer.Tests.Tracing;

public sealed class TracingCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("a=b", "a=b")]
    public void Cell_QuotesAsRfc4180AndGuardsFormulas(string? value, string written) =>
        Assert.Equal(written, TracingCsv.Cell(value));

    [Fact]
    public void Write_HeaderAndRows_CrlfLineEnds() =>
        Assert.Equal("a,b\r\n1,\"x,y\"\r\n,'=z\r\n", TracingCsv.Write(["a", "b"], [["1", "x,y"], [null, "=z"]]));
}
