using ScanPoint.Contracts;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Management;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.Ingest;
using ScanPoint.FleetServer.Management;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Messaging;

/// <summary>
/// What the fleet does with a message an authenticated device published, whichever broker carried it: a device
/// publishes only under <c>sp/v1/{its province}/{its id}/…</c>; check-in batches go to ingest (acked after commit),
/// heartbeats are stored, presence is recorded unless it belongs to an earlier boot. Anything refused is stored nowhere.
/// </summary>
internal sealed class DeviceMessages(IngestQueue ingest, IFleetStore store, DeviceCameOnline online, TimeProvider time, ILogger<DeviceMessages> logger)
{
    /// <summary>The topic suffixes under <c>sp/v1/{province}/{device}/</c> that devices publish and the fleet consumes.</summary>
    public static readonly IReadOnlyList<string> DeviceTopicSuffixes = ["evt/checkin", "state", "hb", "cfg/reported", "cmd/result", "alert", "logs"];

    public async Task<DeviceMessageOutcome> HandleAsync(DeviceRecord device, string topic, byte[] payload, CancellationToken cancellationToken)
    {
        if (!Topics.TryParseDeviceTopic(topic, out var province, out var deviceId, out var rest) || province != device.Province || deviceId != device.DeviceId)
        {
            return DeviceMessageOutcome.Refuse(DeviceMessageRefusal.NotAuthorized, "topic outside the device's own subtree");
        }

        return rest switch
        {
            "evt/checkin" => await CheckInsAsync(device, payload, cancellationToken).ConfigureAwait(false),
            "state" => await PresenceAsync(device.DeviceId, payload, cancellationToken).ConfigureAwait(false),
            "hb" => await HeartbeatAsync(device.DeviceId, payload, cancellationToken).ConfigureAwait(false),
            "cfg/reported" => await ReportedConfigAsync(device.DeviceId, payload, cancellationToken).ConfigureAwait(false),
            "cmd/result" => await CommandResultAsync(device.DeviceId, payload, cancellationToken).ConfigureAwait(false),
            "alert" => await AlertAsync(device.DeviceId, payload, cancellationToken).ConfigureAwait(false),
            "logs" => await LogsAsync(device.DeviceId, payload, cancellationToken).ConfigureAwait(false),
            _ => DeviceMessageOutcome.Refuse(DeviceMessageRefusal.UnknownTopic, "unknown topic"),
        };
    }

    private async Task<DeviceMessageOutcome> CheckInsAsync(DeviceRecord device, byte[] payload, CancellationToken cancellationToken)
    {
        if (!WireJson.TryDecode(payload, out CheckInsRecorded? batch, out var error))
        {
            return DeviceMessageOutcome.Refuse(DeviceMessageRefusal.PayloadInvalid, error);
        }

        if (batch.DeviceId != device.DeviceId)
        {
            return DeviceMessageOutcome.Refuse(DeviceMessageRefusal.NotAuthorized, "batch names another device");
        }

        await ingest.EnqueueAsync(new IngestItem(device, batch), cancellationToken).ConfigureAwait(false);
        return DeviceMessageOutcome.Consumed;
    }

    /// <summary>
    /// Births, graceful offlines and last wills: recorded unless they belong to an earlier boot than the one known, in
    /// which case they are also not routed, so a stale will cannot replace a newer retained birth either.
    /// </summary>
    private async Task<DeviceMessageOutcome> PresenceAsync(string deviceId, byte[] payload, CancellationToken cancellationToken)
    {
        if (!WireJson.TryDecode(payload, out PresenceChanged? presence, out var error))
        {
            return DeviceMessageOutcome.Refuse(DeviceMessageRefusal.PayloadInvalid, error);
        }

        if (!await store.RecordPresenceAsync(deviceId, new DevicePresence(presence.State, presence.Boot, presence.At), cancellationToken).ConfigureAwait(false))
        {
            Log.StalePresenceDropped(logger, deviceId, presence.State, presence.Boot);
            return DeviceMessageOutcome.Stale;
        }

        if (presence.State == PresenceChanged.Online)
        {
            online.Notify(deviceId);
        }

        return DeviceMessageOutcome.Route;
    }

    /// <summary>Heartbeats are validated and kept (latest + history) and, like check-ins, consumed rather than routed.</summary>
    private async Task<DeviceMessageOutcome> HeartbeatAsync(string deviceId, byte[] payload, CancellationToken cancellationToken)
    {
        if (!WireJson.TryDecode(payload, out HeartbeatReported? heartbeat, out var error))
        {
            return DeviceMessageOutcome.Refuse(DeviceMessageRefusal.PayloadInvalid, error);
        }

        await store.RecordHeartbeatAsync(deviceId, heartbeat, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return DeviceMessageOutcome.Consumed;
    }

    private async Task<DeviceMessageOutcome> ReportedConfigAsync(string deviceId, byte[] payload, CancellationToken cancellationToken)
    {
        if (!WireJson.TryDecode(payload, out ConfigReported? reported, out var error))
        {
            return DeviceMessageOutcome.Refuse(DeviceMessageRefusal.PayloadInvalid, error);
        }

        await store.Management.RecordReportedConfigAsync(deviceId, reported, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return DeviceMessageOutcome.Consumed;
    }

    private async Task<DeviceMessageOutcome> CommandResultAsync(string deviceId, byte[] payload, CancellationToken cancellationToken)
    {
        if (!WireJson.TryDecode(payload, out CommandCompleted? completed, out var error))
        {
            return DeviceMessageOutcome.Refuse(DeviceMessageRefusal.PayloadInvalid, error);
        }

        if (await store.Management.CompleteCommandAsync(deviceId, completed, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            Log.CommandCompleted(logger, completed.Id, completed.Name, deviceId, completed.Status);
        }

        return DeviceMessageOutcome.Consumed; // a repeated or late answer is absorbed
    }

    private async Task<DeviceMessageOutcome> AlertAsync(string deviceId, byte[] payload, CancellationToken cancellationToken)
    {
        if (!WireJson.TryDecode(payload, out AlertChanged? alert, out var error))
        {
            return DeviceMessageOutcome.Refuse(DeviceMessageRefusal.PayloadInvalid, error);
        }

        await store.Management.RecordAlertAsync(deviceId, alert, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Log.AlertChanged(logger, alert.Kind, alert.State, deviceId, alert.Seq);
        return DeviceMessageOutcome.Consumed;
    }

    private async Task<DeviceMessageOutcome> LogsAsync(string deviceId, byte[] payload, CancellationToken cancellationToken)
    {
        if (!WireJson.TryDecode(payload, out LogsUploaded? logs, out var error))
        {
            return DeviceMessageOutcome.Refuse(DeviceMessageRefusal.PayloadInvalid, error);
        }

        return await store.Management.SaveCommandLogsAsync(deviceId, logs.CommandId, string.Join('\n', logs.Lines), cancellationToken).ConfigureAwait(false)
            ? DeviceMessageOutcome.Consumed
            : DeviceMessageOutcome.Refuse(DeviceMessageRefusal.NotAuthorized, "logs for an upload-logs command this device was not given");
    }
}
