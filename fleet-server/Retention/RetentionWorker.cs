using System.Diagnostics;
using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Retention;

/// <summary>
/// Deletes check-ins older than <see cref="RetentionOptions.Days"/> (by the fleet's clock), with their relay outbox
/// entries and dead letters, and old heartbeats: at start, then every <see cref="RetentionOptions.Interval"/>. A run
/// that fails is logged and the next interval tries again; an unrelayed check-in past the window is deleted all the
/// same, and counted.
/// </summary>
public sealed class RetentionWorker(
    IFleetStore store,
    RetentionStatus status,
    IOptions<RetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionWorker> logger) : BackgroundService
{
    private readonly RetentionOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.RetentionStarted(logger, _options.Days, _options.Interval);
        await Task.Yield(); // the host's start does not wait for the first run
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(_options.Interval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One run; failures are logged and recorded in <see cref="RetentionStatus"/>, never thrown.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var before = now - TimeSpan.FromDays(_options.Days);
        var clock = Stopwatch.StartNew();
        try
        {
            var purge = await store.PurgeAsync(before, now, _options.BatchSize, cancellationToken);
            status.Ran(purge);
            Log.RetentionPurged(logger, purge.Deleted, before, purge.DeletedUnrelayed, purge.DeletedHeartbeats, clock.Elapsed);
            if (purge.DeletedUnrelayed > 0)
            {
                Log.RetentionDeletedUnrelayed(logger, purge.DeletedUnrelayed, _options.Days);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            status.Failed(ex.Message);
            Log.RetentionFailed(logger, _options.Interval, ex);
        }
    }
}
