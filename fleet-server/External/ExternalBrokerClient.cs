using System.Buffers;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using ScanPoint.FleetServer.Messaging;

namespace ScanPoint.FleetServer.External;

/// <summary>
/// The fleet server's connection to the external broker: MQTT 5 over mutual TLS, persistent session, shared
/// subscriptions <c>$share/{group}/sp/v1/+/+/{suffix}</c> for every <see cref="DeviceMessages.DeviceTopicSuffixes"/>.
/// The receive callback only copies a message into the <see cref="ExternalInbox"/> and acknowledges it after the
/// hand-off. A timer loop (never the Disconnected event) connects, reconnects with jittered backoff, publishes a
/// liveness probe to this replica's own topic and reconnects when the receive path has stalled (see
/// <see cref="ExternalLiveness"/>): the persistent session keeps what was not acknowledged at the broker.
/// </summary>
internal sealed class ExternalBrokerClient(
    IOptions<ExternalBrokerOptions> options,
    ExternalBrokerIdentity identity,
    ExternalInbox inbox,
    ExternalBrokerCounters counters,
    TimeProvider time,
    ILogger<ExternalBrokerClient> logger,
    ExternalReceiveHook? hook = null) : BackgroundService
{
    public const string ProbeRoot = "sp/fleet/probe";
    private ExternalConnection? _connection;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _probes;

    public string ClientId { get; } = options.Value.ClientId ?? $"fleet-server-{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}";

    private string ProbeTopic => $"{ProbeRoot}/{ClientId}";

    public bool IsConnected => _connection?.Client.IsConnected == true;

    /// <summary>Publishes at QoS 1 through the current connection; throws when there is none or the broker refuses.</summary>
    public async Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        var connection = _connection is { Client.IsConnected: true } c ? c : throw new InvalidOperationException("not connected to the external broker");
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var result = await connection.Client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"the external broker refused the publish on {topic}: {result.ReasonCode} {result.ReasonString}");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var liveness = new ExternalLiveness(options.Value, inbox, time);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_connection is not { Client.IsConnected: true })
                {
                    await ReplaceConnectionAsync(stoppingToken).ConfigureAwait(false);
                    failures = 0;
                    liveness.Reset();
                }

                // the probe period, cut short when the connection drops (the event only wakes this loop)
                await Task.WhenAny(Task.Delay(options.Value.ProbeInterval, time, stoppingToken), _wake.Task).ConfigureAwait(false);
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_connection is { Client.IsConnected: true })
                {
                    await ProbeAsync(liveness, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                counters.ConnectFailed();
                var delay = ExternalSessionOptions.ReconnectDelay(options.Value, ++failures);
                Log.ExternalBrokerConnectFailed(logger, options.Value.Host, options.Value.Port, delay, ex.Message);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (Interlocked.Exchange(ref _connection, null) is { } connection)
        {
            await CloseAsync(connection).ConfigureAwait(false);
        }
    }

    private async Task ProbeAsync(ExternalLiveness liveness, CancellationToken cancellationToken)
    {
        var connection = _connection!;
        var verdict = liveness.Check(connection.LastReceivedAt);
        if (verdict == ExternalLivenessVerdict.Stalled)
        {
            counters.Stalled();
            Log.ExternalReceiveStalled(logger, ClientId, time.GetElapsedTime(connection.LastReceivedAt), inbox.Depth);
            _connection = null;
            await CloseAsync(connection).ConfigureAwait(false);
            return; // the loop reconnects at once; the session kept everything not acknowledged
        }

        if (verdict == ExternalLivenessVerdict.ConsumerStuck)
        {
            Log.ExternalConsumerStuck(logger, inbox.Depth, time.GetElapsedTime(connection.LastReceivedAt));
        }

        var probe = BitConverter.GetBytes(Interlocked.Increment(ref _probes));
        await connection.Client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(ProbeTopic).WithPayload(probe).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build(),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task ReplaceConnectionAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _connection, null) is { } old)
        {
            await CloseAsync(old).ConfigureAwait(false);
        }

        var o = options.Value;
        var client = new MqttClientFactory().CreateMqttClient();
        var connection = new ExternalConnection(client, time.GetTimestamp());
        client.ApplicationMessageReceivedAsync += e => OnReceivedAsync(e, connection);
        client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected && !connection.Closing.IsCancellationRequested)
            {
                Log.ExternalBrokerDisconnected(logger, ClientId, e.Reason.ToString(), e.ReasonString ?? e.Exception?.Message ?? "");
                _wake.TrySetResult();
            }

            return Task.CompletedTask; // the timer loop reconnects
        };
        var connect = ExternalSessionOptions.Connect(o, ClientId, identity);
        try
        {
            var result = await client.ConnectAsync(connect, cancellationToken).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InvalidOperationException($"the external broker refused the connection: {result.ResultCode} {result.ReasonString}");
            }

            _connection = connection; // usable at once: a resumed session delivers queued messages before the SUBACK

            var granted = await client.SubscribeAsync(ExternalSessionOptions.Subscribe(o, ProbeTopic), cancellationToken).ConfigureAwait(false);
            if (granted.Items.FirstOrDefault(i => (int)i.ResultCode > 2) is { } refused)
            {
                throw new InvalidOperationException($"the external broker refused the subscription {refused.TopicFilter.Topic}: {refused.ResultCode}");
            }

            counters.Connected();
            Log.ExternalBrokerConnected(logger, ClientId, o.Host, o.Port, result.IsSessionPresent, o.SharedGroup);
        }
        catch
        {
            Interlocked.CompareExchange(ref _connection, null, connection);
            connection.Dispose();
            throw;
        }
    }

    private async Task OnReceivedAsync(MqttApplicationMessageReceivedEventArgs e, ExternalConnection connection)
    {
        e.AutoAcknowledge = false; // acknowledged only once handed off: what is not handed off, the broker sends again
        var closing = connection.Closing;
        if (closing.IsCancellationRequested)
        {
            return;
        }

        var topic = e.ApplicationMessage.Topic;
        if (hook is not null)
        {
            await hook.BeforeHandOffAsync(topic, closing).ConfigureAwait(false);
        }

        if (topic != ProbeTopic)
        {
            counters.MessageReceived();
            await inbox.WriteAsync(new ExternalMessage(topic, e.ApplicationMessage.Payload.ToArray()), closing).ConfigureAwait(false);
        }

        connection.Received(time.GetTimestamp());
        await e.AcknowledgeAsync(closing).ConfigureAwait(false);
    }

    /// <summary>Lets a waiting callback go (unacknowledged), says DISCONNECT (the session stays), then drops the client.</summary>
    private async Task CloseAsync(ExternalConnection connection)
    {
        connection.Cancel();
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await connection.Client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), limit.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.ExternalBrokerDisconnectFailed(logger, ClientId, ex.Message); // the connection is dropped anyway
        }

        connection.Dispose();
    }
}
