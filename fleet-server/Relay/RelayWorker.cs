using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Relay;

/// <summary>
/// Relays committed check-ins to the national tracing backend. Each round reads the oldest outbox entries (up to
/// <see cref="RelayOptions.BatchSize"/> × <see cref="RelayOptions.MaxInFlight"/>), posts them as batches in parallel,
/// and retries each batch with exponential backoff and jitter until the backend answers 2xx; only then are its
/// entries deleted from the outbox (or moved to dead letters, for items refused for good). Delivery is at least
/// once — a crash between the answer and the delete re-sends — and the backend's de-duplication by check-in id
/// makes it exactly once as the backend sees it. Ingest never waits for the relay.
/// </summary>
internal sealed class RelayWorker(
    IFleetStore store,
    IntakeClient client,
    RelayCounters counters,
    IOptions<RelayOptions> options,
    TimeProvider timeProvider,
    ILogger<RelayWorker> logger) : BackgroundService
{
    private readonly RelayOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.RelayStarted(logger, client.Intake, _options.BatchSize, _options.MaxInFlight, _options.Timeout);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pending = await store.PendingRelayAsync(_options.BatchSize * _options.MaxInFlight, stoppingToken);
                failures = 0;
                if (pending.Count == 0)
                {
                    await Task.Delay(_options.PollInterval, timeProvider, stoppingToken);
                    continue;
                }

                var batches = pending.Chunk(_options.BatchSize).Select(c => new RelayBatch(c, _options.Source));
                await Task.WhenAll(batches.Select(b => DeliverAsync(b, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delay = Backoff(failures++);
                Log.RelayStoreFailed(logger, delay, ex);
                await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Posts one batch until the backend settles it, then records the outcome in the store.</summary>
    private async Task DeliverAsync(RelayBatch batch, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await client.PostAsync(batch.Request, stoppingToken);
            if (outcome.Result is { } result)
            {
                var (relayed, rejected) = batch.Settle(result);
                await store.CompleteRelayAsync(relayed, rejected, timeProvider.GetUtcNow(), stoppingToken);
                counters.Delivered(result.Accepted.Count, result.Duplicates.Count, rejected.Count, timeProvider.GetUtcNow());
                if (attempt > 0)
                {
                    Log.RelayRecovered(logger, batch.Request.BatchId, attempt);
                }

                if (rejected.Count > 0)
                {
                    Log.RelayItemsRejected(logger, batch.Request.BatchId, rejected.Count, rejected[0].Code, rejected[0].Reason);
                }

                Log.RelayDelivered(logger, batch.Request.BatchId, result.Accepted.Count, result.Duplicates.Count, rejected.Count);
                return;
            }

            if (outcome.Refused)
            {
                var rejected = batch.RejectAll("BATCH", outcome.Error);
                await store.CompleteRelayAsync([], rejected, timeProvider.GetUtcNow(), stoppingToken);
                counters.Delivered(0, 0, rejected.Count, timeProvider.GetUtcNow());
                Log.RelayBatchRefused(logger, batch.Request.BatchId, batch.Count, outcome.Error);
                return;
            }

            counters.Failed(outcome.Error);
            var delay = Backoff(attempt);
            Log.RelayAttemptFailed(logger, batch.Request.BatchId, batch.Count, attempt + 1, outcome.Error, delay);
            await Task.Delay(delay, timeProvider, stoppingToken);
        }
    }

    /// <summary>Exponential from <see cref="RelayOptions.MinBackoff"/>, capped, with jitter in [½, 1] of it.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, _options.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}
