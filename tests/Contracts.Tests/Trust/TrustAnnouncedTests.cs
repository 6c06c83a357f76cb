using System.Text;
using ScanPoint.Contracts.Trust;
using ScanPoint.Contracts.Wire;

namespace ScanPoint.Contracts.Tests.Trust;

public class TrustAnnouncedTests
{
    private static readonly TrustAnnounced Sample = new(TrustAnnounced.SchemaVersion, 3, new string('a', 64), "https://fleet.example:5443/api/trust/bundle", 1234);

    [Fact]
    public void TryDecode_EncodedAnnouncement_RoundTrips()
    {
        Assert.True(WireJson.TryDecode(WireJson.Encode(Sample), out TrustAnnounced? decoded, out var error), error);
        Assert.Equal(Sample, decoded);
    }

    [Theory]
    [InlineData(2, 3, "https://f/api/trust/bundle", 10)]
    [InlineData(1, 0, "https://f/api/trust/bundle", 10)]
    [InlineData(1, 3, "/api/trust/bundle", 10)]
    [InlineData(1, 3, "file:///etc/passwd", 10)]
    [InlineData(1, 3, "https://f/api/trust/bundle", 0)]
    public void TryDecode_BadAnnouncement_Refused(int v, long version, string url, long size)
    {
        var json = WireJson.Encode(Sample with { V = v, Version = version, Url = url, Size = size });

        Assert.False(WireJson.TryDecode(json, out TrustAnnounced? _, out var error));
        Assert.StartsWith("trust:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_HashNotLowercaseHex_Refused() =>
        Assert.False(WireJson.TryDecode(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(WireJson.Encode(Sample)).Replace(new string('a', 64), new string('Z', 64), StringComparison.Ordinal)), out TrustAnnounced? _, out _));

    [Fact]
    public void Trust_IsUnderBroadcast() => Assert.Equal("sp/v1/bcast/trust", Topics.Trust);
}
