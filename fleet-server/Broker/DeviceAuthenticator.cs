using MQTTnet.Protocol;
using MQTTnet.Server;
using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Ingest;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Broker;

/// <summary>Only registered devices may connect: client id = user name = device id, password = the device's own secret.</summary>
internal sealed class DeviceAuthenticator(IFleetStore store, IngestCounters counters, ILogger<DeviceAuthenticator> logger)
{
    public async Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        var reason = await RefusalAsync(e).ConfigureAwait(false);
        if (reason is null)
        {
            return;
        }

        counters.ConnectionRefused();
        e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
        Log.ConnectionRefused(logger, e.ClientId ?? "", e.RemoteEndPoint?.ToString(), reason);
    }

    private async Task<string?> RefusalAsync(ValidatingConnectionEventArgs e)
    {
        if (string.IsNullOrEmpty(e.ClientId) || e.UserName != e.ClientId)
        {
            return "client id must equal the device id in the user name";
        }

        var device = await store.FindDeviceAsync(e.ClientId, e.CancellationToken).ConfigureAwait(false);
        if (device is null)
        {
            return "unknown device";
        }

        if (e.RawPassword is null || !DeviceCredential.Matches(e.Password, device.SecretHash))
        {
            return "wrong credential";
        }

        DeviceSession.Set(e.SessionItems, device);
        Log.DeviceConnected(logger, device.DeviceId, device.Province);
        return null;
    }
}
