using System.Buffers;
using MQTTnet.Protocol;
using MQTTnet.Server;
using ScanPoint.Contracts;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.Ingest;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Broker;

/// <summary>
/// The broker's ACL and the ingest entry: a device publishes only under <c>sp/v1/{its province}/{its id}/…</c> and
/// subscribes only there or to broadcast topics. Check-in batches are validated and handed to ingest instead of
/// being routed; anything refused is logged, counted and stored nowhere.
/// </summary>
internal sealed class TopicGuard(IngestQueue ingest, IFleetStore store, TimeProvider time, IngestCounters counters, ILogger<TopicGuard> logger)
{

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

        if (rest == "state")
        {
            await PresenceAsync(e, device.DeviceId).ConfigureAwait(false);
            return;
        }

        if (rest == "hb")
        {
            await HeartbeatAsync(e, device.DeviceId).ConfigureAwait(false);
            return;
        }

        Refuse(e, MqttPubAckReasonCode.TopicNameInvalid, "unknown topic");
    }

    /// <summary>
    /// Births, graceful offlines and last wills: recorded unless they belong to an earlier boot than the one known, in
    /// which case they are also not routed, so a stale will cannot replace a newer retained birth either.
    /// </summary>
    private async Task PresenceAsync(InterceptingPublishEventArgs e, string deviceId)
    {
        if (!WireJson.TryDecode(e.ApplicationMessage.Payload.ToArray(), out PresenceChanged? presence, out var error))
        {
            Refuse(e, MqttPubAckReasonCode.PayloadFormatInvalid, error);
            return;
        }

        if (!await store.RecordPresenceAsync(deviceId, new DevicePresence(presence.State, presence.Boot, presence.At), e.CancellationToken).ConfigureAwait(false))
        {
            e.ProcessPublish = false;
            Log.StalePresenceDropped(logger, deviceId, presence.State, presence.Boot);
        }
    }

    /// <summary>Heartbeats are validated and kept (latest + history) and, like check-ins, consumed here rather than routed.</summary>
    private async Task HeartbeatAsync(InterceptingPublishEventArgs e, string deviceId)
    {
        if (!WireJson.TryDecode(e.ApplicationMessage.Payload.ToArray(), out HeartbeatReported? heartbeat, out var error))
        {
            Refuse(e, MqttPubAckReasonCode.PayloadFormatInvalid, error);
            return;
        }

        e.ProcessPublish = false;
        await store.RecordHeartbeatAsync(deviceId, heartbeat, time.GetUtcNow(), e.CancellationToken).ConfigureAwait(false);
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
