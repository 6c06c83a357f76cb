using System.Text;
using ScanPoint.Hardware.Serial;

namespace ScanPoint.Hardware.Tests.Serial;

public sealed class LineFramerTests
{
    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("<END>")]
    public void Feed_ByteByByte_CutsAtTheTerminator(string terminator)
    {
        var framer = new LineFramer(Encoding.UTF8.GetBytes(terminator), 100);
        var scans = new List<string>();

        foreach (var b in Encoding.UTF8.GetBytes($"HC1:A{terminator}{terminator}shc:/1{terminator}tail"))
        {
            framer.Feed([b], scans);
        }

        Assert.Equal(["HC1:A", "shc:/1"], scans);
        Assert.True(framer.HasPending);
        Assert.Equal("tail", framer.Flush());
    }

    [Fact]
    public void Feed_TerminatorSplitAcrossChunks_IsFound()
    {
        var framer = new LineFramer("\r\n"u8.ToArray(), 100);
        var scans = new List<string>();

        framer.Feed("HC1:AB\r"u8, scans);
        framer.Feed("\nHC1:CD\r\n"u8, scans);

        Assert.Equal(["HC1:AB", "HC1:CD"], scans);
    }

    [Fact]
    public void Feed_OverLong_IsDroppedToItsTerminatorAndCounted()
    {
        var framer = new LineFramer("\r\n"u8.ToArray(), 5);
        var scans = new List<string>();

        framer.Feed("123456789012\r"u8, scans);
        framer.Feed("\n12345\r\nabc"u8, scans);

        Assert.Equal(["12345"], scans);
        Assert.Equal(1, framer.DroppedOverLong);
        Assert.Equal("abc", framer.Flush());
    }

    [Fact]
    public void Flush_OverLongWithoutTerminator_IsDroppedAndCounted()
    {
        var framer = new LineFramer([], 3);
        var scans = new List<string>();

        framer.Feed("abcdef"u8, scans);

        Assert.Empty(scans);
        Assert.Null(framer.Flush());
        Assert.Equal(1, framer.DroppedOverLong);
        Assert.False(framer.HasPending);
    }
}
