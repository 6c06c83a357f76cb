using System.Buffers;
using MQTTnet.Protocol;
using MQTTnet.Server;
using ScanPoint.Contracts;
using ScanPoint.FleetServer.Ingest;
using ScanPoint.FleetServer.Messaging;

namespace ScanPoint.FleetServer.Broker;

/// <summary>
/// The embedded broker's ACL: what a device publishes goes to <see cref="DeviceMessages"/> (its own subtree only;
/// consumed messages are not routed) and it subscribes only under its own subtree or to broadcast topics. Anything
/// refused is logged, counted and stored nowhere.
/// </summary>
internal sealed class TopicGuard(DeviceMessages messages, IngestCounters counters, ILogger<TopicGuard> logger)
{
    public async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        var device = DeviceSession.Get(e.SessionItems);
        if (device is null)
        {
            return; // published by the fleet server itself (acks, broadcasts)
        }

        var outcome = await messages.HandleAsync(device, e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.CancellationToken).ConfigureAwait(false);
        switch (outcome.Disposition)
        {
            case DeviceMessageDisposition.Route:
                return;
            case DeviceMessageDisposition.Refused:
                Refuse(e, outcome.Refusal switch
                {
                    DeviceMessageRefusal.PayloadInvalid => MqttPubAckReasonCode.PayloadFormatInvalid,
                    DeviceMessageRefusal.UnknownTopic => MqttPubAckReasonCode.TopicNameInvalid,
                    _ => MqttPubAckReasonCode.NotAuthorized,
                }, outcome.Reason);
                return;
            default:
                e.ProcessPublish = false; // consumed (the application ack follows the commit) or a stale presence
                return;
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
