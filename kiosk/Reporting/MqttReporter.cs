using System.Buffers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using ScanPoint.Contracts;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Trust;
using ScanPoint.Contracts.Wire;
using ScanPoint.Kiosk.Health;
using ScanPoint.Kiosk.Management;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Provisioning;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Reporting;

/// <summary>
/// Delivers the outbox to the fleet over one long-lived MQTT 5 session (clean start false, session expiry).
/// Reconnects from its own loop with jittered exponential backoff, publishes batches at QoS 1, and deletes a
/// check-in only when the fleet's application ack on <c>…/ack</c> names it. Unacknowledged check-ins are sent
/// again after a reconnect or the ack timeout; the fleet stores idempotently. While connected it also publishes a
/// liveness beat on <c>…/hb</c> (QoS 0, not retained, never buffered offline) right after the birth and then every
/// <see cref="ReportingOptions.HeartbeatInterval"/>. Trust announcements (<c>sp/v1/bcast/trust</c>, retained) go to the
/// <see cref="TrustUpdater"/>; device management (desired config, commands; reported config, answers, alerts) goes
/// through the <see cref="ManagementChannel"/>.
/// </summary>
internal sealed class MqttReporter(
    KioskIdentity identity,
    IOptions<KioskOptions> kioskOptions,
    ICheckInOutbox outbox,
    OutboxSignal signal,
    IOptions<ReportingOptions> options,
    HeartbeatSampler heartbeat,
    ServerClock serverClock,
    TrustUpdater trustUpdater,
    TimeProvider time,
    ILogger<MqttReporter> logger,
    ManagementChannel? management = null) : BackgroundService
{
    private readonly InFlightWindow _window = new();
    private readonly KioskIdentityTopics _topics = KioskIdentityTopics.Of(identity);
    private PresenceAndLiveness? _health;
    private IMqttClient? _client;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var health = _health = new PresenceAndLiveness(_topics, BootCounter.Next(kioskOptions.Value.DataDir), heartbeat, () => management?.HeartbeatInterval ?? o.HeartbeatInterval, time, logger);
        using var client = new MqttClientFactory().CreateMqttClient();
        _client = client;
        client.ApplicationMessageReceivedAsync += e => OnMessageAsync(e.ApplicationMessage);
        client.DisconnectedAsync += e =>
        {
            Log.Disconnected(logger, e.ReasonString ?? e.Reason.ToString());
            return Task.CompletedTask;
        };

        var backoff = o.ReconnectMinDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await ConnectAsync(client, stoppingToken).ConfigureAwait(false);
                    backoff = o.ReconnectMinDelay;
                }

                await health.BeatIfDueAsync(client, stoppingToken).ConfigureAwait(false);
                await PublishPendingAsync(client, stoppingToken).ConfigureAwait(false);
                await (management?.PublishPendingAsync(stoppingToken) ?? Task.CompletedTask).ConfigureAwait(false);
                await signal.WaitAsync(health.NextWait(o.IdlePoll), time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                var delay = Jitter(backoff);
                Log.ConnectFailed(logger, identity.Fleet.ToString(), ex.Message, delay);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(o.ReconnectMaxDelay.Ticks, backoff.Ticks * 2));
            }
        }

        var saidOffline = await health.SayOfflineAsync(client).ConfigureAwait(false);
        await DisconnectQuietlyAsync(client, saidOffline).ConfigureAwait(false);
    }

    private async Task ConnectAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var builder = BrokerConnection.Configure(new MqttClientOptionsBuilder(), identity, kioskOptions.Value.DataDir);
        var connect = builder
            .WithWillTopic(_health!.StateTopic)
            .WithWillPayload(_health.Will)
            .WithWillRetain()
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)o.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        var result = await client.ConnectAsync(connect, cancellationToken).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new IOException($"broker refused the connection: {result.ResultCode} {result.ReasonString}");
        }

        serverClock.Observe(result.UserProperties?.FirstOrDefault(p => p.Name == CheckInsAcknowledged.ServerTimeProperty)?.ReadValueAsString());

        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(_topics.Ack, MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(Topics.Trust, MqttQualityOfServiceLevel.AtLeastOnce); // retained: the current bundle arrives on every connect
        foreach (var topic in management?.Subscriptions ?? [])
        {
            subscribe.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        management?.Connected(client);
        await client.PublishAsync(_health.Birth(), cancellationToken).ConfigureAwait(false);
        _window.Reset();
        _health.Connected();
        Log.Connected(logger, identity.Fleet.ToString(), identity.DeviceId);
    }

    private async Task PublishPendingAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var o = options.Value;
        _window.ExpireIfSilent(time.GetUtcNow(), o.AckTimeout);
        while (client.IsConnected && _window.Count < o.MaxBatchesInFlight)
        {
            var batch = outbox.PeekPending(_window.SentUpTo, o.BatchSize);
            if (batch.Count == 0)
            {
                return;
            }

            var message = new MqttApplicationMessageBuilder()
                .WithTopic(Topics.CheckIns(identity.Province, identity.DeviceId))
                .WithPayload(WireJson.Encode(new CheckInsRecorded(CheckInsRecorded.SchemaVersion, identity.DeviceId, batch)))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            var result = await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                throw new IOException($"broker refused a check-in batch: {result.ReasonCode} {result.ReasonString}");
            }

            _window.Sent(batch[^1].Seq, time.GetUtcNow());
            Log.BatchPublished(logger, batch.Count, batch[0].Seq, batch[^1].Seq);
        }
    }

    private Task OnMessageAsync(MqttApplicationMessage message)
    {
        if (management?.TryHandle(message.Topic, message.Payload.ToArray()) == true)
        {
            return Task.CompletedTask;
        }

        if (message.Topic == Topics.Trust)
        {
            if (WireJson.TryDecode(message.Payload.ToArray(), out TrustAnnounced? announcement, out var problem))
            {
                trustUpdater.Announce(announcement);
            }
            else
            {
                Log.BadMessage(logger, message.Topic, problem);
            }

            return Task.CompletedTask;
        }

        if (message.Topic != _topics.Ack)
        {
            Log.BadMessage(logger, message.Topic, "unexpected topic");
            return Task.CompletedTask;
        }

        if (!WireJson.TryDecode(message.Payload.ToArray(), out CheckInsAcknowledged? ack, out var error))
        {
            Log.BadMessage(logger, message.Topic, error);
            return Task.CompletedTask;
        }

        if (ack.ServerTime is { } serverTime)
        {
            serverClock.Observe(serverTime);
        }

        try
        {
            var deleted = outbox.Acknowledge(ack.Items);
            _window.Acknowledged(ack.Items.Count == 0 ? 0 : ack.Items.Max(i => i.Seq), time.GetUtcNow());
            Log.Acknowledged(logger, ack.Items.Count, deleted);
            signal.Notify();
        }
        catch (IOException ex)
        {
            Log.ReportingFailed(logger, ex.Message); // the check-ins stay pending and are sent again
        }

        return Task.CompletedTask;
    }

    private static TimeSpan Jitter(TimeSpan backoff) => backoff * (0.5 + (Random.Shared.NextDouble() / 2));

    /// <summary>Without a delivered <c>offline</c>, the disconnect asks the broker for the will, so the fleet still learns the kiosk left.</summary>
    private async Task DisconnectQuietlyAsync(IMqttClient client, bool saidOffline)
    {
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var reason = saidOffline ? MqttClientDisconnectOptionsReason.NormalDisconnection : MqttClientDisconnectOptionsReason.DisconnectWithWillMessage;
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(reason).Build(), cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            Log.ReportingFailed(logger, "disconnect: " + ex.Message);
        }
    }
}
