using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using ScanPoint.Contracts;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;
using ScanPoint.Kiosk.Health;

namespace ScanPoint.Kiosk.Reporting;

/// <summary>
/// The reporter's two health signals: presence on the retained <c>…/state</c> (birth on connect, <c>offline</c> before a
/// graceful stop, the will <c>lost</c>, each with this start's boot number) and liveness on <c>…/hb</c> (a heartbeat
/// after the birth and every <c>interval()</c> — read at each beat, so a changed <c>heartbeatInterval</c>
/// setting takes effect from the next beat —, never queued while offline).
/// </summary>
internal sealed class PresenceAndLiveness(
    KioskIdentityTopics topics, long boot, HeartbeatSampler heartbeat, Func<TimeSpan> interval, TimeProvider time, ILogger logger)
{
    private DateTimeOffset? _heartbeatDue;
    private TimeSpan? _plannedWith;

    /// <summary>The will registered at connect: <c>lost</c>, retained.</summary>
    public byte[] Will => Presence(PresenceChanged.Lost);

    public string StateTopic => topics.State;

    public MqttApplicationMessage Birth() => StateMessage(PresenceChanged.Online);

    /// <summary>Connected: the first beat follows the birth.</summary>
    public void Connected() => (_heartbeatDue, _plannedWith) = (time.GetUtcNow(), null);

    /// <summary>Says <c>offline</c> before a graceful stop; false when it could not be delivered.</summary>
    public async Task<bool> SayOfflineAsync(IMqttClient client)
    {
        if (!client.IsConnected)
        {
            return false;
        }

        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.PublishAsync(StateMessage(PresenceChanged.Offline), cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            Log.ReportingFailed(logger, "offline state: " + ex.Message);
            return false;
        }
    }

    /// <summary>Publishes a beat when one is due; a failure is logged and never stops check-in delivery.</summary>
    public async Task BeatIfDueAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Due() is not { } due || now < due || !client.IsConnected)
        {
            return;
        }

        var period = interval();
        _heartbeatDue = due + period > now ? due + period : now + period; // keep the rhythm, skip missed beats
        _plannedWith = period;
        try
        {
            var beat = heartbeat.Sample(boot);
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topics.Heartbeat)
                .WithPayload(WireJson.Encode(beat))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
                .Build();
            await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            Log.HeartbeatPublished(logger, beat.Boot, beat.OutboxPending);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.HeartbeatFailed(logger, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>The idle poll, or less when the next beat is due sooner.</summary>
    public TimeSpan NextWait(TimeSpan idlePoll)
    {
        if (Due() is not { } due)
        {
            return idlePoll;
        }

        var untilDue = due - time.GetUtcNow();
        return untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < idlePoll ? untilDue : idlePoll;
    }

    /// <summary>The next beat, moved when the interval changed since it was planned.</summary>
    private DateTimeOffset? Due()
    {
        var period = interval();
        if (_heartbeatDue is { } due && _plannedWith is { } planned && planned != period)
        {
            (_heartbeatDue, _plannedWith) = (due - planned + period, period);
        }

        return _heartbeatDue;
    }

    private byte[] Presence(string state) => WireJson.Encode(new PresenceChanged(PresenceChanged.SchemaVersion, state, boot, time.GetUtcNow()));

    private MqttApplicationMessage StateMessage(string state) => new MqttApplicationMessageBuilder()
        .WithTopic(topics.State)
        .WithPayload(Presence(state))
        .WithRetainFlag()
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();
}
