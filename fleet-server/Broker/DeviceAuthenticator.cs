using MQTTnet.Protocol;
using MQTTnet.Server;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.FleetServer.Ingest;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Broker;

/// <summary>
/// Only registered devices connect. On the TLS endpoint the client certificate (already checked against the fleet CA
/// by the TLS handshake) names the device: the client id must equal that name, and a second connection for a device
/// that is already connected is refused rather than taking the session over. On the plain endpoint a device with a
/// secret credential signs in with client id = user name = device id and its own secret. An accepted CONNACK carries
/// the fleet's clock (user property <c>server-time</c>).
/// </summary>
internal sealed class DeviceAuthenticator(IFleetStore store, FleetTls tls, IngestCounters counters, IServiceProvider services, TimeProvider time, ILogger<DeviceAuthenticator> logger)
{
    public async Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        var (reason, code) = await RefusalAsync(e).ConfigureAwait(false);
        if (reason is null)
        {
            return;
        }

        counters.ConnectionRefused();
        e.ReasonCode = code;
        Log.ConnectionRefused(logger, e.ClientId ?? "", e.RemoteEndPoint?.ToString(), reason);
    }

    private async Task<(string? Reason, MqttConnectReasonCode Code)> RefusalAsync(ValidatingConnectionEventArgs e)
    {
        var certificate = e.ClientCertificate;
        if (certificate is null && e.IsSecureConnection)
        {
            return ("TLS connection without a client certificate", MqttConnectReasonCode.NotAuthorized);
        }

        var claimed = certificate is null ? e.UserName : DeviceName.TryRead(certificate, out var name) && tls.IsDeviceCertificate(certificate) ? name.DeviceId : null;
        if (claimed is null)
        {
            return ("certificate names no device of this fleet", MqttConnectReasonCode.NotAuthorized);
        }

        if (string.IsNullOrEmpty(e.ClientId) || e.ClientId != claimed)
        {
            return ($"client id must equal the device id '{claimed}'", MqttConnectReasonCode.ClientIdentifierNotValid);
        }

        var device = await store.FindDeviceAsync(e.ClientId, e.CancellationToken).ConfigureAwait(false);
        if (device is null)
        {
            return ("unknown device", MqttConnectReasonCode.NotAuthorized);
        }

        if (device.RevokedAt is not null)
        {
            return ("device revoked", MqttConnectReasonCode.Banned);
        }

        if (certificate is null)
        {
            if (e.RawPassword is null || device.SecretHash.Length == 0 || !DeviceCredential.Matches(e.Password, device.SecretHash))
            {
                return ("wrong credential", MqttConnectReasonCode.BadUserNameOrPassword);
            }
        }
        else
        {
            if (await IsConnectedAsync(device.DeviceId).ConfigureAwait(false))
            {
                return ("already connected: a second connection does not take the session over", MqttConnectReasonCode.ClientIdentifierNotValid);
            }
        }

        DeviceSession.Set(e.SessionItems, device);
        e.ResponseUserProperties ??= [];
        e.ResponseUserProperties.Add(new MQTTnet.Packets.MqttUserProperty(
            CheckInsAcknowledged.ServerTimeProperty,
            System.Text.Encoding.UTF8.GetBytes(time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)).AsMemory()));
        Log.DeviceConnected(logger, device.DeviceId, device.Province);
        return (null, MqttConnectReasonCode.Success);
    }

    private async Task<bool> IsConnectedAsync(string deviceId)
    {
        var clients = await services.GetRequiredService<MqttServer>().GetClientsAsync().ConfigureAwait(false);
        return clients.Any(c => c.Id == deviceId);
    }
}
