using System.Text;
using ScanPoint.Credentials.Dcc;

namespace ScanPoint.Credentials.Tests.Dcc;

public sealed class Base45Tests
{
    [Theory]
    [InlineData("AB", "BB8")]
    [InlineData("Hello!!", "%69 VD92EX0")]
    [InlineData("base-45", "UJCLQE7W581")]
    [InlineData("ietf!", "QED8WEX0")]
    [InlineData("", "")]
    public void EncodeAndDecode_Rfc9285Examples_RoundTrip(string plain, string encoded)
    {
        Assert.Equal(encoded, Base45.Encode(Encoding.ASCII.GetBytes(plain)));
        Assert.True(Base45.TryDecode(encoded, out var decoded));
        Assert.Equal(plain, Encoding.ASCII.GetString(decoded));
    }

    [Theory]
    [InlineData("FGW", new byte[] { 0xFF, 0xFF })]
    [InlineData("U5", new byte[] { 0xFF })]
    [InlineData("00", new byte[] { 0x00 })]
    public void TryDecode_Boundaries_Decode(string encoded, byte[] expected)
    {
        Assert.True(Base45.TryDecode(encoded, out var decoded));
        Assert.Equal(expected, decoded);
    }

    [Theory]
    [InlineData("GGW")] // 65536: one past 0xFFFF
    [InlineData(":::")] // 91124
    [InlineData("V5")] // 256: one past 0xFF
    [InlineData("::")] // 2024
    [InlineData("A")] // length 3k+1
    [InlineData("BB8A")] // length 3k+1
    [InlineData("bb8")] // lower case is outside the alphabet
    [InlineData("BB#")]
    [InlineData("BB\u00e9")]
    [InlineData("BB\u0000")]
    public void TryDecode_InvalidInput_ReturnsFalse(string encoded)
    {
        Assert.False(Base45.TryDecode(encoded, out var decoded));
        Assert.Empty(decoded);
    }

    [Fact]
    public void EncodeAndDecode_AllByteValues_RoundTrip()
    {
        byte[] data = [.. Enumerable.Range(0, 256).Select(i => (byte)i), 7];

        Assert.True(Base45.TryDecode(Base45.Encode(data), out var decoded));

        Assert.Equal(data, decoded);
    }
}
