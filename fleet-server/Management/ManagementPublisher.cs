using Microsoft.Extensions.Options;
using ScanPoint.Contracts;
using ScanPoint.Contracts.Management;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.Messaging;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Management;

/// <summary>
/// Sends what the fleet wants of its devices, every <see cref="ManagementOptions.CheckInterval"/> and when a device comes
/// online: a changed desired config (retained on <c>…/cfg/desired</c>; all of them again after a restart, since the
/// embedded broker does not keep retained messages), pending commands (<c>…/cmd</c>, marked sent), and a device's
/// unanswered commands again when it is born anew. Unanswered commands past their expiry are closed as expired.
/// A failed step is logged and tried again at the next tick.
/// </summary>
internal sealed class ManagementPublisher(
    IFleetStore store,
    IFleetPublisher publisher,
    DeviceCameOnline online,
    IOptions<ManagementOptions> options,
    TimeProvider time,
    ILogger<ManagementPublisher> logger) : BackgroundService
{
    private readonly Dictionary<string, (long Device, long Policy)> _published = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var next = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (online.Reader.TryRead(out var deviceId))
                {
                    _published.Remove(deviceId);
                    await SendCommandsAsync(deviceId, stoppingToken).ConfigureAwait(false);
                }

                if (time.GetUtcNow() >= next)
                {
                    next = time.GetUtcNow() + options.Value.CheckInterval;
                    await ExpireCommandsAsync(stoppingToken).ConfigureAwait(false);
                    await SendCommandsAsync(null, stoppingToken).ConfigureAwait(false);
                }

                await PublishConfigsAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.ManagementFailed(logger, ex.Message);
            }

            await WaitAsync(next, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task WaitAsync(DateTimeOffset next, CancellationToken cancellationToken)
    {
        var delay = next - time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(delay);
        try
        {
            await online.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the tick is due
        }
    }

    private async Task PublishConfigsAsync(CancellationToken cancellationToken)
    {
        foreach (var row in await store.Management.DesiredConfigsAsync(null, cancellationToken).ConfigureAwait(false))
        {
            var versions = (row.Device.Version, row.Policy.Version);
            if (_published.TryGetValue(row.DeviceId, out var sent) && sent == versions)
            {
                continue;
            }

            var desired = row.ToDesired(time.GetUtcNow());
            await publisher.PublishAsync(Topics.ConfigDesired(row.Province, row.DeviceId), WireJson.Encode(desired), retain: true, cancellationToken).ConfigureAwait(false);
            _published[row.DeviceId] = versions;
            Log.ConfigPublished(logger, row.DeviceId, desired.DeviceVersion, desired.PolicyVersion);
        }
    }

    private async Task ExpireCommandsAsync(CancellationToken cancellationToken)
    {
        var expired = await store.Management.ExpireCommandsAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (expired > 0)
        {
            Log.CommandsExpired(logger, expired);
        }
    }

    /// <summary>Pending commands of every device, or every unanswered command of one device that just came online.</summary>
    private async Task SendCommandsAsync(string? cameOnline, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var command in await store.Management.OpenCommandsAsync(now, cancellationToken).ConfigureAwait(false))
        {
            if (cameOnline is null ? command.State != CommandRecord.Pending : command.DeviceId != cameOnline)
            {
                continue;
            }

            var issued = new CommandIssued(CommandIssued.SchemaVersion, command.Id, command.Name, command.CreatedAt, command.ExpiresAt);
            await publisher.PublishAsync(Topics.Commands(command.Province, command.DeviceId), WireJson.Encode(issued), retain: false, cancellationToken).ConfigureAwait(false);
            await store.Management.MarkCommandSentAsync(command.Id, now, cancellationToken).ConfigureAwait(false);
            Log.CommandSent(logger, command.Id, command.Name, command.DeviceId, command.ExpiresAt);
        }
    }
}
