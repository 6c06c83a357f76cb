using ScanPoint.Contracts;

namespace ScanPoint.Contracts.Tests;

public class TopicsTests
{
    [Fact]
    public void TryParseDeviceTopic_CheckInTopic_SplitsProvinceDeviceAndRest()
    {
        Assert.True(Topics.TryParseDeviceTopic(Topics.CheckIns("HN", "kiosk-1"), out var province, out var device, out var rest));
        Assert.Equal(("HN", "kiosk-1", "evt/checkin"), (province, device, rest));
    }

    [Theory]
    [InlineData("sp/v1/bcast/trust")]
    [InlineData("sp/v2/HN/k/evt/checkin")]
    [InlineData("sp/v1/HN/k")]
    [InlineData("sp/v1//k/ack")]
    public void TryParseDeviceTopic_OtherTopics_False(string topic) =>
        Assert.False(Topics.TryParseDeviceTopic(topic, out _, out _, out _));
}
