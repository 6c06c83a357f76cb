using System.Buffers;
using MQTTnet.Protocol;
using MQTTnet.Server;
using ScanPoint.Contracts;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.Ingest;

namespace ScanPoint.FleetServer.Broker;

/// <summary>
/// The broker's ACL and the ingest entry: a device publishes only under <c>sp/v1/{its province}/{its id}/…</c> and
/// subscribes only there or to broadcast topics. Check-in batches are validated and handed to ingest instead of
/// being routed; anything refused is logged, counted and stored nowhere.
/// </summary>
internal sealed class TopicGuard(IngestQueue ingest, IngestCounters counters, ILogger<TopicGuard> logger)
{
    private static readonly string[] RoutedSubtopics = ["state", "hb"];

    public async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        var device = DeviceSession.Get(e.SessionItems);
        if (device is null)
        {
            return; // published by the fleet server itself (acks, broadcasts)
        }

        var topic = e.ApplicationMessage.Topic;
        if (!Topics.TryParseDeviceTopic(topic, out var province, out var deviceId, out var rest) || province != device.Province || deviceId != device.DeviceId)
        {
            Refuse(e, MqttPubAckReasonCode.NotAuthorized, "topic outside the device's own subtree");
            return;
        }

        if (rest == "evt/checkin")
        {
            if (!WireJson.TryDecode(e.ApplicationMessage.Payload.ToArray(), out CheckInsRecorded? batch, out var error))
            {
                Refuse(e, MqttPubAckReasonCode.PayloadFormatInvalid, error);
                return;
            }

            if (batch.DeviceId != device.DeviceId)
            {
                Refuse(e, MqttPubAckReasonCode.NotAuthorized, "batch names another device");
                return;
            }

            e.ProcessPublish = false; // consumed here; the application ack follows the database commit
            await ingest.EnqueueAsync(new IngestItem(device, batch), e.CancellationToken).ConfigureAwait(false);
            return;
        }

        if (!RoutedSubtopics.Contains(rest))
        {
            Refuse(e, MqttPubAckReasonCode.TopicNameInvalid, "unknown topic");
        }
    }

    public Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        var device = DeviceSession.Get(e.SessionItems);
        var filter = e.TopicFilter.Topic;
        if (device is null)
        {
            return Task.CompletedTask;
        }

        var own = Topics.DeviceRoot(device.Province, device.DeviceId) + "/";
        var allowed = filter.StartsWith(own, StringComparison.Ordinal) || filter.StartsWith(Topics.Broadcast + "/", StringComparison.Ordinal);
        if (!allowed)
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            counters.SubscriptionRefused();
            Log.SubscriptionRefused(logger, e.ClientId, filter);
        }

        return Task.CompletedTask;
    }

    private void Refuse(InterceptingPublishEventArgs e, MqttPubAckReasonCode code, string reason)
    {
        e.ProcessPublish = false;
        e.Response.ReasonCode = code;
        e.Response.ReasonString = reason;
        counters.PublishRefused();
        Log.PublishRefused(logger, e.ClientId, e.ApplicationMessage.Topic, reason);
    }
}
