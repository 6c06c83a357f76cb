using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Broker;

/// <summary>
/// Disconnects revoked devices: every <see cref="BrokerOptions.RevocationCheckInterval"/> it asks the store which
/// devices were revoked since its last look and drops their connections (the authenticator refuses them from then on).
/// A failed look is logged and repeated from the same point, so no revocation is missed.
/// </summary>
internal sealed class RevocationWatcher(
    IFleetStore store,
    MqttServer server,
    IOptions<BrokerOptions> options,
    TimeProvider time,
    ILogger<RevocationWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = time.GetUtcNow() - options.Value.RevocationCheckInterval; // revocations made while the server started
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.RevocationCheckInterval, time, stoppingToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            try
            {
                var revoked = await store.RevokedSinceAsync(since, stoppingToken).ConfigureAwait(false);
                if (revoked.Count > 0)
                {
                    var connected = (await server.GetClientsAsync().ConfigureAwait(false)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
                    foreach (var id in revoked.Where(connected.Contains))
                    {
                        await server.DisconnectClientAsync(id, new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.AdministrativeAction, ReasonString = "device revoked" }).ConfigureAwait(false);
                        Log.RevokedDeviceDisconnected(logger, id);
                    }
                }

                since = now - TimeSpan.FromSeconds(1); // overlap: a revocation stamped during this look is seen next time
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.RevocationCheckFailed(logger, ex);
            }
        }
    }
}
