using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using ScanPoint.Contracts.Management;
using ScanPoint.Contracts.Wire;
using ScanPoint.Kiosk.Reporting;

namespace ScanPoint.Kiosk.Management;

/// <summary>
/// The reporter's one handle on device management: the topics to subscribe, routing of what arrives on them
/// (desired config to <see cref="KioskConfig"/>, commands to <see cref="CommandRunner"/>), and, from the reporter's
/// loop, publishing what the fleet does not have yet: the reported config (after each change and each connect),
/// command answers and queued alerts, all at QoS 1.
/// </summary>
internal sealed class ManagementChannel(
    ManagementTopics topics,
    KioskConfig config,
    CommandRunner commands,
    AlertQueue alerts,
    FleetLink link,
    OutboxSignal signal,
    ILogger<ManagementChannel> logger)
{
    private volatile bool _reportDue = true;

    /// <summary>The <c>heartbeatInterval</c> setting in effect now.</summary>
    public TimeSpan HeartbeatInterval => config.HeartbeatInterval;

    public IReadOnlyList<string> Subscriptions { get; } = [topics.Desired, topics.Commands];

    /// <summary>A new connection: publish through it, and report the config again.</summary>
    public void Connected(IMqttClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        link.Attach(
            async (topic, payload, ct) => (await client.PublishAsync(
                new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                ct).ConfigureAwait(false)).IsSuccess,
            () => client.IsConnected);
        ReportDue();
    }

    /// <summary>The reported config is to be published again (a change, a connect).</summary>
    public void ReportDue()
    {
        _reportDue = true;
        signal.Notify();
    }

    /// <summary>Handles a message on one of <see cref="Subscriptions"/>; false when the topic is not a management one.</summary>
    public bool TryHandle(string topic, byte[] payload)
    {
        if (topic == topics.Desired)
        {
            if (payload.Length == 0)
            {
                return true; // a cleared retained message
            }

            if (!WireJson.TryDecode(payload, out ConfigDesired? desired, out var problem))
            {
                Log.BadMessage(logger, topic, problem);
            }
            else if (config.Apply(desired, payload))
            {
                Log.ConfigApplied(logger, desired.DeviceVersion, desired.PolicyVersion, config.Reported().Rejected.Count);
                ReportDue();
            }

            return true;
        }

        if (topic != topics.Commands)
        {
            return false;
        }

        if (WireJson.TryDecode(payload, out CommandIssued? command, out var error))
        {
            commands.Receive(command);
        }
        else
        {
            Log.BadMessage(logger, topic, error);
        }

        return true;
    }

    /// <summary>Publishes what is pending while connected; anything not taken stays for the next call.</summary>
    public async Task PublishPendingAsync(CancellationToken cancellationToken)
    {
        if (!link.IsConnected)
        {
            return;
        }

        if (_reportDue)
        {
            _reportDue = false;
            if (!await link.PublishAsync(topics.Reported, WireJson.Encode(config.Reported()), cancellationToken).ConfigureAwait(false))
            {
                _reportDue = true;
            }
        }

        await commands.PublishPendingAsync(cancellationToken).ConfigureAwait(false);
        await alerts.PublishAsync((alert, ct) => link.PublishAsync(topics.Alerts, WireJson.Encode(alert), ct), cancellationToken).ConfigureAwait(false);
    }
}
