using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using ScanPoint.Contracts;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Wire;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Broker;

/// <summary>The embedded broker on Kestrel: who may connect, publish and subscribe, and what ingest acknowledges.</summary>
public sealed class BrokerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private RunningFleet _fleet = null!;

    public async Task InitializeAsync() => _fleet = await RunningFleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task Publish_ValidBatch_StoredThenAcknowledgedOnce()
    {
        var credential = await _fleet.AddDeviceAsync("kiosk-a");
        using var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, credential);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeAsync(Topics.Ack("HN", "kiosk-a")));

        var batch = Batch("kiosk-a", 1, 3);
        var result = await device.PublishAsync(Topics.CheckIns("HN", "kiosk-a"), WireJson.Encode(batch));
        Assert.True(result.IsSuccess);

        await Eventually.TrueAsync(() => !device.Received.IsEmpty, Timeout, "the application ack");
        Assert.True(device.Received.TryDequeue(out var ack));
        Assert.Equal(Topics.Ack("HN", "kiosk-a"), ack.Topic);
        Assert.True(WireJson.TryDecode(ack.Payload, out CheckInsAcknowledged? acknowledged, out _));
        Assert.Equal(batch.Items.Select(i => (i.Id, i.Seq)), acknowledged.Items.Select(i => (i.Id, i.Seq)));
        Assert.Equal(3, await _fleet.CheckInsAsync());
    }

    [Fact]
    public async Task Publish_SameBatchTwice_StoredOnceAckedTwice()
    {
        var credential = await _fleet.AddDeviceAsync("kiosk-a");
        using var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, credential);
        await device.SubscribeAsync(Topics.Ack("HN", "kiosk-a"));
        var payload = WireJson.Encode(Batch("kiosk-a", 1, 5));

        await device.PublishAsync(Topics.CheckIns("HN", "kiosk-a"), payload);
        await device.PublishAsync(Topics.CheckIns("HN", "kiosk-a"), payload);

        await Eventually.TrueAsync(() => device.Received.Count == 2, Timeout, "two acks");
        Assert.Equal(5, await _fleet.CheckInsAsync());
    }

    [Theory]
    [InlineData("ghost", "00", "unknown device", MqttClientConnectResultCode.NotAuthorized)]
    [InlineData("kiosk-a", "wrong", "wrong credential", MqttClientConnectResultCode.BadUserNameOrPassword)]
    public async Task Connect_UnknownDeviceOrWrongSecret_RefusedAndLogged(string clientId, string secretKind, string reason, MqttClientConnectResultCode expected)
    {
        var credential = await _fleet.AddDeviceAsync("kiosk-a");
        var secret = secretKind == "wrong" ? new string('0', 64) : credential.Secret;

        var (client, result) = await DeviceClient.ConnectAsync(_fleet.MqttPort, clientId, secret);
        client.Dispose();

        Assert.Equal(expected, result);
        Assert.Contains(_fleet.Logs.Entries, e => e.Id.Id == 1001 && e.Message.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(1, await _fleet.IngestCounterAsync("connectionsRefused"));
    }

    [Fact]
    public async Task Publish_OnAnotherDevicesTopic_RefusedNothingStored()
    {
        var a = await _fleet.AddDeviceAsync("kiosk-a");
        await _fleet.AddDeviceAsync("kiosk-b");
        using var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, a);

        var result = await device.PublishAsync(Topics.CheckIns("HN", "kiosk-b"), WireJson.Encode(Batch("kiosk-b", 1, 2)));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        await AssertRefusedAndNothingStoredAsync("outside the device's own subtree");
    }

    [Fact]
    public async Task Publish_BatchNamingAnotherDeviceOnOwnTopic_Refused()
    {
        var a = await _fleet.AddDeviceAsync("kiosk-a");
        using var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, a);

        var result = await device.PublishAsync(Topics.CheckIns("HN", "kiosk-a"), WireJson.Encode(Batch("kiosk-b", 1, 2)));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        await AssertRefusedAndNothingStoredAsync("names another device");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"v\":1,\"deviceId\":\"kiosk-a\",\"items\":[]}")]
    [InlineData("{\"v\":2,\"deviceId\":\"kiosk-a\",\"items\":[]}")]
    [InlineData("{\"v\":1,\"deviceId\":\"kiosk-a\",\"items\":[{\"seq\":1}]}")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")]
    public async Task Publish_MalformedPayload_RefusedServerStaysUp(string payload)
    {
        var a = await _fleet.AddDeviceAsync("kiosk-a");
        using var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, a);

        var result = await device.PublishAsync(Topics.CheckIns("HN", "kiosk-a"), Encoding.UTF8.GetBytes(payload));

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, result.ReasonCode);
        await AssertRefusedAndNothingStoredAsync("");

        // still serving: a good batch on the same connection goes through
        Assert.True((await device.PublishAsync(Topics.CheckIns("HN", "kiosk-a"), WireJson.Encode(Batch("kiosk-a", 1, 1)))).IsSuccess);
        await Eventually.TrueAsync(async () => await _fleet.CheckInsAsync() == 1, Timeout, "the good batch stored");
    }

    [Fact]
    public async Task Publish_OversizedPayload_Refused()
    {
        var a = await _fleet.AddDeviceAsync("kiosk-a");
        using var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, a);

        var result = await device.PublishAsync(Topics.CheckIns("HN", "kiosk-a"), new byte[WireJson.MaxPayloadBytes + 1]);

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, result.ReasonCode);
        await AssertRefusedAndNothingStoredAsync("exceeds");
    }

    [Theory]
    [InlineData("sp/v1/HN/kiosk-b/ack")]
    [InlineData("sp/v1/+/+/ack")]
    [InlineData("#")]
    public async Task Subscribe_OutsideOwnSubtree_Refused(string filter)
    {
        var a = await _fleet.AddDeviceAsync("kiosk-a");
        using var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, a);

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await device.SubscribeAsync(filter));
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeAsync("sp/v1/bcast/trust"));
    }

    private async Task AssertRefusedAndNothingStoredAsync(string reason)
    {
        Assert.Equal(0, await _fleet.CheckInsAsync());
        Assert.Equal(1, await _fleet.IngestCounterAsync("publishesRefused"));
        Assert.Contains(_fleet.Logs.Entries, e => e.Id.Id == 1003 && e.Message.Contains(reason, StringComparison.Ordinal));
    }

    private static CheckInsRecorded Batch(string deviceId, long firstSeq, int count) => new(
        CheckInsRecorded.SchemaVersion,
        deviceId,
        [.. Enumerable.Range(0, count).Select(i => new CheckInRecorded(
            Ulid.NewUlid().ToString(), firstSeq + i, deviceId, "site-1", DateTimeOffset.UnixEpoch.AddDays(20000 + i), CodeFormats.Dcc, VerdictCodes.Unverified, $"hash-{firstSeq + i}"))]);
}
