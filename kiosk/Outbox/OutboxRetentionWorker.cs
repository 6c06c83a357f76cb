using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>
/// The retention purge: at start and every <see cref="RetentionOptions.RetentionPurgeInterval"/>, deletes the
/// check-ins the fleet acknowledged more than <see cref="RetentionOptions.RetentionAfterAck"/> ago. Unacknowledged
/// check-ins are never purged. A failed purge is logged and tried again at the next interval.
/// </summary>
internal sealed class OutboxRetentionWorker(
    ICheckInOutbox outbox, IOptions<RetentionOptions> options, TimeProvider time, ILogger<OutboxRetentionWorker> logger) : BackgroundService
{
    /// <summary>One purge; returns how many were deleted (0 after a failure).</summary>
    internal int PurgeOnce()
    {
        var o = options.Value;
        var cutoff = time.GetUtcNow() - o.RetentionAfterAck;
        try
        {
            var purged = outbox.PurgeAcknowledged(cutoff);
            if (purged > 0)
            {
                Log.OutboxPurged(logger, purged, cutoff);
            }

            return purged;
        }
        catch (IOException ex)
        {
            Log.OutboxPurgeFailed(logger, ex.Message, o.RetentionPurgeInterval);
            return 0;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            PurgeOnce();
            try
            {
                await Task.Delay(options.Value.RetentionPurgeInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
