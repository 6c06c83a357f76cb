using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Retention;

/// <summary>
/// What retention did, for <c>/api/stats</c> (<c>retention</c>): the persisted totals from the store, and since start
/// the last run's outcome and error.
/// </summary>
public sealed class RetentionStatus(IOptions<RetentionOptions> options)
{
    private readonly RetentionOptions _options = options.Value;
    private readonly Lock _lock = new();
    private long _runs;
    private long _failures;
    private RetentionPurge? _lastPurge;
    private string? _lastError;

    /// <summary>Runs since start (successful or not).</summary>
    public long Runs
    {
        get
        {
            lock (_lock)
            {
                return _runs;
            }
        }
    }

    /// <summary>Failed runs since start.</summary>
    public long Failures
    {
        get
        {
            lock (_lock)
            {
                return _failures;
            }
        }
    }

    internal void Ran(RetentionPurge purge)
    {
        lock (_lock)
        {
            (_runs, _lastPurge, _lastError) = (_runs + 1, purge, null);
        }
    }

    internal void Failed(string error)
    {
        lock (_lock)
        {
            (_runs, _failures, _lastError) = (_runs + 1, _failures + 1, error);
        }
    }

    /// <summary>The JSON object of <c>/api/stats</c>.</summary>
    public async Task<object> ReadAsync(IFleetStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var totals = await store.GetRetentionTotalsAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            return new
            {
                days = _options.Days,
                interval = _options.Interval,
                lastRunAt = totals.LastRunAt,
                deleted = totals.Deleted,
                deletedUnrelayed = totals.DeletedUnrelayed,
                deletedHeartbeats = totals.DeletedHeartbeats,
                runsSinceStart = _runs,
                failuresSinceStart = _failures,
                lastRunDeleted = _lastPurge?.Deleted,
                lastError = _lastError,
            };
        }
    }
}
