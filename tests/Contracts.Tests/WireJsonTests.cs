using System.Text;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Wire;

namespace ScanPoint.Contracts.Tests;

public class WireJsonTests
{
    private static readonly CheckInRecorded Sample = new("01JNQ0000000000000000000AA", 7, "kiosk-1", "site-1", new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(7)), CodeFormats.Dcc, VerdictCodes.Unverified, "abc");

    [Fact]
    public void TryDecode_EncodedBatch_RoundTrips()
    {
        var batch = new CheckInsRecorded(CheckInsRecorded.SchemaVersion, "kiosk-1", [Sample]);

        Assert.True(WireJson.TryDecode(WireJson.Encode(batch), out CheckInsRecorded? decoded, out var error), error);
        Assert.Equal(batch.Items, decoded.Items);
        Assert.Equal("kiosk-1", decoded.DeviceId);
    }

    [Fact]
    public void TryDecode_EncodedAck_RoundTrips()
    {
        var ack = new CheckInsAcknowledged(CheckInsAcknowledged.SchemaVersion, [new AcknowledgedCheckIn("id", 3)]);

        Assert.True(WireJson.TryDecode(WireJson.Encode(ack), out CheckInsAcknowledged? decoded, out _));
        Assert.Equal(ack.Items, decoded.Items);
    }

    [Theory]
    [InlineData("", "malformed")]
    [InlineData("null", "null")]
    [InlineData("{\"v\":9,\"deviceId\":\"k\",\"items\":[]}", "schema version")]
    [InlineData("{\"v\":1,\"deviceId\":\"k\",\"items\":[]}", "items")]
    [InlineData("{\"v\":1,\"deviceId\":\"k\"}", "malformed")]
    [InlineData("{\"v\":1,\"deviceId\":\"k\",\"items\":[null]}", "null check-in")]
    [InlineData("{\"v\":1,\"deviceId\":\"k\",\"items\":[{\"id\":\"i\",\"seq\":0,\"deviceId\":\"k\",\"siteId\":\"s\",\"at\":\"2026-01-01T00:00:00Z\",\"format\":\"dcc\",\"verdict\":\"unverified\",\"payloadHash\":\"h\"}]}", "seq")]
    [InlineData("{\"v\":1,\"deviceId\":\"k\",\"items\":[{\"id\":\"i\",\"seq\":1,\"deviceId\":\"other\",\"siteId\":\"s\",\"at\":\"2026-01-01T00:00:00Z\",\"format\":\"dcc\",\"verdict\":\"unverified\",\"payloadHash\":\"h\"}]}", "another device")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]", "malformed")]
    public void TryDecode_BadBatch_FalseWithReason(string json, string reason)
    {
        Assert.False(WireJson.TryDecode(Encoding.UTF8.GetBytes(json), out CheckInsRecorded? batch, out var error));
        Assert.Null(batch);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_OversizedPayload_RefusedBeforeParsing()
    {
        Assert.False(WireJson.TryDecode(new byte[WireJson.MaxPayloadBytes + 1], out CheckInsRecorded? _, out var error));
        Assert.Contains("exceeds", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_TooManyItems_Refused()
    {
        var batch = new CheckInsRecorded(CheckInsRecorded.SchemaVersion, "kiosk-1", [.. Enumerable.Range(1, CheckInsRecorded.MaxItems + 1).Select(i => Sample with { Seq = i })]);

        Assert.False(WireJson.TryDecode(WireJson.Encode(batch), out CheckInsRecorded? _, out var error));
        Assert.Contains("items", error, StringComparison.Ordinal);
    }
}
