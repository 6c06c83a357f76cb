using System.Buffers;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using ScanPoint.Contracts;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;

namespace ScanPoint.Benchmarks.Ingest;

/// <summary>
/// One kiosk on the wire, as <c>MqttReporter</c> behaves: MQTT 5, client id = user name = device id, password = its
/// secret, clean start false; publishes check-in batches at QoS 1 with at most <c>window</c> batches unacknowledged, and
/// counts a batch done only on the fleet's application ack on <c>…/ack</c>.
/// </summary>
internal sealed class SimulatedKiosk : IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly DeviceCredential _device;
    private readonly IReadOnlyList<byte[]> _payloads;
    private readonly SemaphoreSlim _window;
    private readonly HashSet<long> _acknowledgedBatches = [];
    private readonly TaskCompletionSource _allAcknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _acknowledged;

    private SimulatedKiosk(DeviceCredential device, IReadOnlyList<byte[]> payloads, int window)
    {
        (_device, _payloads, _window) = (device, payloads, new SemaphoreSlim(window, window));
        _client.ApplicationMessageReceivedAsync += e => OnAck(e.ApplicationMessage.Payload.ToArray());
    }

    /// <summary>Check-ins the fleet has acknowledged so far.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public static async Task<SimulatedKiosk> ConnectAsync(DeviceCredential device, int port, IReadOnlyList<byte[]> payloads, int window, CancellationToken cancellationToken)
    {
        var kiosk = new SimulatedKiosk(device, payloads, window);
        var connect = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(device.DeviceId)
            .WithCredentials(device.DeviceId, device.Secret)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)TimeSpan.FromHours(24).TotalSeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        var result = await kiosk._client.ConnectAsync(connect, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"{device.DeviceId}: broker refused the connection: {result.ResultCode} {result.ReasonString}");
        }

        var ack = Topics.Ack(device.Province, device.DeviceId);
        await kiosk._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(ack, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        return kiosk;
    }

    /// <summary>Publishes every batch within the window and returns when all are acknowledged.</summary>
    public async Task PublishAllAsync(CancellationToken cancellationToken)
    {
        var topic = Topics.CheckIns(_device.Province, _device.DeviceId);
        foreach (var payload in _payloads)
        {
            await _window.WaitAsync(cancellationToken);
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            var result = await _client.PublishAsync(message, cancellationToken);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"{_device.DeviceId}: broker refused a batch: {result.ReasonCode} {result.ReasonString}");
            }
        }

        await _allAcknowledged.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _client.Dispose();
        _window.Dispose();
    }

    private Task OnAck(byte[] payload)
    {
        if (!WireJson.TryDecode(payload, out CheckInsAcknowledged? ack, out var error))
        {
            _allAcknowledged.TrySetException(new InvalidOperationException($"{_device.DeviceId}: bad ack: {error}"));
            return Task.CompletedTask;
        }

        bool done;
        lock (_acknowledgedBatches)
        {
            if (ack.Items.Count == 0 || !_acknowledgedBatches.Add(ack.Items.Max(i => i.Seq)))
            {
                return Task.CompletedTask; // a repeated ack (QoS 1 may deliver twice)
            }

            done = _acknowledgedBatches.Count == _payloads.Count;
        }

        Interlocked.Add(ref _acknowledged, ack.Items.Count);
        _window.Release();
        if (done)
        {
            _allAcknowledged.TrySetResult();
        }

        return Task.CompletedTask;
    }
}
