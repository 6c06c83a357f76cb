using ScanPoint.Contracts;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.Ingest;
using ScanPoint.FleetServer.Messaging;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.External;

/// <summary>
/// Takes messages from the <see cref="ExternalInbox"/>, maps the device from the topic (registry, cached) and passes
/// them to <see cref="DeviceMessages"/>. The broker's ACL lets a device publish only under its own id, but not its
/// province: a message of an unknown or revoked device, or under another province, is refused — counted (<c>ingest.publishesRefused</c>), logged,
/// stored nowhere, never acknowledged. A stale presence (an earlier boot's will, already retained by the broker) is
/// corrected by publishing the known newer presence retained on the same topic. A birth is answered with an empty ack
/// carrying the fleet's clock: an external broker's CONNACK cannot carry it, and kiosks learn their offset from acks.
/// </summary>
internal sealed class ExternalConsumer(
    ExternalInbox inbox,
    ExternalDeviceDirectory devices,
    DeviceMessages messages,
    IFleetStore store,
    IFleetPublisher publisher,
    ExternalBrokerCounters counters,
    IngestCounters ingestCounters,
    TimeProvider time,
    ILogger<ExternalConsumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in inbox.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await ConsumeAsync(message, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // check-ins are resent by the kiosk (no ack went out); a heartbeat or presence is the one lost
                Log.ExternalMessageFailed(logger, message.Topic, ex);
            }
        }
    }

    private async Task ConsumeAsync(ExternalMessage message, CancellationToken cancellationToken)
    {
        if (!Topics.TryParseDeviceTopic(message.Topic, out _, out var deviceId, out _))
        {
            Refuse(message.Topic, "", "not a device topic");
            return;
        }

        var device = await devices.FindAsync(deviceId, cancellationToken).ConfigureAwait(false);
        if (device is null || device.RevokedAt is not null)
        {
            Refuse(message.Topic, deviceId, device is null ? "unknown device" : "device revoked");
            return;
        }

        var outcome = await messages.HandleAsync(device, message.Topic, message.Payload, cancellationToken).ConfigureAwait(false);
        switch (outcome.Disposition)
        {
            case DeviceMessageDisposition.Refused:
                Refuse(message.Topic, deviceId, outcome.Reason);
                break;
            case DeviceMessageDisposition.Stale:
                await AnswerAsync(device, () => CorrectPresenceAsync(device, cancellationToken)).ConfigureAwait(false);
                break;
            case DeviceMessageDisposition.Route when message.Topic.EndsWith("/state", StringComparison.Ordinal)
                && WireJson.TryDecode(message.Payload, out PresenceChanged? presence, out _) && presence.State == PresenceChanged.Online:
                var clock = new CheckInsAcknowledged(CheckInsAcknowledged.SchemaVersion, [], time.GetUtcNow());
                await AnswerAsync(device, () => publisher.PublishAsync(Topics.Ack(device.Province, device.DeviceId), WireJson.Encode(clock), retain: false, cancellationToken)).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The fleet's answers (clock, presence correction) are best effort: the message itself was handled.</summary>
    private async Task AnswerAsync(DeviceRecord device, Func<Task> answer)
    {
        try
        {
            await answer().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            Log.AckFailed(logger, device.DeviceId, ex.Message);
        }
    }

    private void Refuse(string topic, string deviceId, string reason)
    {
        ingestCounters.PublishRefused();
        Log.ExternalMessageRefused(logger, deviceId, topic, reason);
    }

    /// <summary>The broker retained a presence of an earlier boot: retain the one the fleet knows instead.</summary>
    private async Task CorrectPresenceAsync(DeviceRecord device, CancellationToken cancellationToken)
    {
        var rows = await store.ListDeviceHealthAsync(cancellationToken).ConfigureAwait(false);
        if (rows.FirstOrDefault(r => r.DeviceId == device.DeviceId)?.Presence is not { } known)
        {
            return;
        }

        var presence = new PresenceChanged(PresenceChanged.SchemaVersion, known.State, known.Boot, known.At);
        await publisher.PublishAsync(Topics.State(device.Province, device.DeviceId), WireJson.Encode(presence), retain: true, cancellationToken).ConfigureAwait(false);
        counters.PresenceCorrected();
        Log.StalePresenceCorrected(logger, device.DeviceId, known.State, known.Boot);
    }
}
