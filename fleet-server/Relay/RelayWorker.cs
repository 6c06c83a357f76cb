using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Relay;

/// <summary>
/// Relays committed check-ins to the national tracing backend. A reader walks the outbox forward in batches of
/// <see cref="RelayOptions.BatchSize"/> and keeps up to <see cref="RelayOptions.MaxInFlight"/> of them on the wire;
/// each batch is retried with exponential backoff and jitter until the backend answers 2xx, and only then are its
/// entries deleted from the outbox (or moved to dead letters, for items refused for good). When the reader reaches
/// the end it starts again from the oldest entry left, skipping entries on the wire, which also picks up an entry
/// whose transaction committed after later ones were read; a batch stuck in retries holds only its own entries. Delivery is at least once — a crash between the
/// answer and the delete re-sends — and the backend's de-duplication by check-in id makes it exactly once as the
/// backend sees it. Ingest never waits for the relay. Every request first asks the circuit breaker
/// (<see cref="RelayCircuit"/>): while it is open none is sent. Each transient failure is counted on the batch's
/// outbox entries; an entry that failed <see cref="RelayOptions.MaxAttempts"/> times moves to dead letters, and the
/// rest of its batch goes back to the outbox reader.
/// </summary>
internal sealed class RelayWorker(
    IFleetStore store,
    IntakeClient client,
    RelayCounters counters,
    RelayCircuit circuit,
    IOptions<RelayOptions> options,
    TimeProvider timeProvider,
    ILogger<RelayWorker> logger) : BackgroundService
{
    private readonly RelayOptions _options = options.Value;

    /// <summary>Outbox ids of the batches being delivered: a read from the start skips them.</summary>
    private readonly ConcurrentDictionary<long, byte> _onTheWire = new();

    /// <summary>
    /// Ids whose entries left the outbox. They stay in <see cref="_onTheWire"/> until the next read starts: a read
    /// that began before the delete committed may still return them, and must not send them again.
    /// </summary>
    private readonly ConcurrentQueue<long> _settled = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.RelayStarted(logger, client.Intake, _options.BatchSize, _options.MaxInFlight, _options.Timeout);
        using var slots = new SemaphoreSlim(_options.MaxInFlight);
        var deliveries = new List<Task>();
        try
        {
            await RelayAsync(slots, deliveries, stoppingToken);
        }
        finally
        {
            // Deliveries end on the stopping token; their entries stay in the outbox for the next start.
            await Task.WhenAll(deliveries).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RelayAsync(SemaphoreSlim slots, List<Task> deliveries, CancellationToken stoppingToken)
    {
        var cursor = 0L;
        var failures = 0;
        var lastSweep = timeProvider.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
                var (read, fresh) = await ReadAsync(cursor, slots, stoppingToken);
                failures = 0;
                if (read.Count > 0)
                {
                    cursor = read[^1].OutboxId;
                }

                if (fresh.Length > 0)
                {
                    deliveries.RemoveAll(d => d.IsCompleted);
                    deliveries.Add(DeliverAsync(new RelayBatch(fresh, _options.Source), slots, stoppingToken));
                }

                if (read.Count < _options.BatchSize)
                {
                    // The end of the outbox: start again from the oldest entry left (skipping those on the wire) when
                    // idle, or at most once per poll interval while entries keep coming; in between, read on after
                    // the cursor, so that a busy outbox is not read again and again over the batches on the wire.
                    if (fresh.Length == 0 || timeProvider.GetElapsedTime(lastSweep) >= _options.PollInterval)
                    {
                        cursor = 0;
                        lastSweep = timeProvider.GetTimestamp();
                    }

                    if (fresh.Length == 0)
                    {
                        await Task.Delay(_options.PollInterval, timeProvider, stoppingToken);
                    }
                }
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

    /// <summary>
    /// The next entries after the cursor, and those of them not already on the wire (marked as such here); gives the
    /// slot back when there is nothing new to send.
    /// </summary>
    private async Task<(IReadOnlyList<PendingRelay> Read, PendingRelay[] Fresh)> ReadAsync(long cursor, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        PendingRelay[] fresh = [];
        try
        {
            while (_settled.TryDequeue(out var settled))
            {
                _onTheWire.TryRemove(settled, out _);
            }

            var read = await store.PendingRelayAsync(_options.BatchSize, cursor, stoppingToken);
            fresh = [.. read.Where(p => _onTheWire.TryAdd(p.OutboxId, 0))];
            return (read, fresh);
        }
        finally
        {
            if (fresh.Length == 0)
            {
                slots.Release();
            }
        }
    }

    /// <summary>Posts one batch until the backend settles it and the store has recorded that; then frees its slot.</summary>
    private async Task DeliverAsync(RelayBatch batch, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            for (var attempt = 0; !await TryDeliverAsync(batch, attempt, stoppingToken); attempt++)
            {
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: the entries stay in the outbox and are sent again after the restart
        }
        finally
        {
            foreach (var id in batch.OutboxIds)
            {
                _settled.Enqueue(id);
            }

            slots.Release();
        }
    }

    /// <summary>One attempt; false (after the backoff) when it must be tried again.</summary>
    private async Task<bool> TryDeliverAsync(RelayBatch batch, int attempt, CancellationToken stoppingToken)
    {
        try
        {
            while (!circuit.TryEnter(out var wait))
            {
                await Task.Delay(wait, timeProvider, stoppingToken);
            }

            IntakeOutcome outcome;
            try
            {
                outcome = await client.PostAsync(batch.Request, stoppingToken);
            }
            catch
            {
                circuit.Abandoned();
                throw;
            }

            if (outcome.Result is { } result)
            {
                circuit.Succeeded();
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
                return true;
            }

            if (outcome.Refused)
            {
                circuit.Succeeded(); // the backend is there and answered: a bad batch says nothing about its health
                var rejected = batch.RejectAll("BATCH", outcome.Error);
                await store.CompleteRelayAsync([], rejected, timeProvider.GetUtcNow(), stoppingToken);
                counters.Delivered(0, 0, rejected.Count, timeProvider.GetUtcNow());
                Log.RelayBatchRefused(logger, batch.Request.BatchId, batch.Count, outcome.Error);
                return true;
            }

            circuit.Failed();
            counters.Failed(outcome.Error);
            var exhausted = await store.RecordRelayFailureAsync(batch.OutboxIdList, outcome.Error, _options.MaxAttempts, timeProvider.GetUtcNow(), stoppingToken);
            if (exhausted > 0)
            {
                // Those entries are dead letters now; the others of the batch are read again into a new batch.
                counters.MovedAfterAttempts(exhausted);
                Log.RelayAttemptsExhausted(logger, batch.Request.BatchId, exhausted, _options.MaxAttempts, outcome.Error);
                return true;
            }

            var delay = Backoff(attempt);
            Log.RelayAttemptFailed(logger, batch.Request.BatchId, batch.Count, attempt + 1, outcome.Error, delay);
            await Task.Delay(delay, timeProvider, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The store failed to record a settled batch: it is posted again (the backend answers duplicates).
            var delay = Backoff(attempt);
            Log.RelayStoreFailed(logger, delay, ex);
            await Task.Delay(delay, timeProvider, stoppingToken);
        }

        return false;
    }

    /// <summary>Exponential from <see cref="RelayOptions.MinBackoff"/>, capped, with jitter in [½, 1] of it.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, _options.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}
