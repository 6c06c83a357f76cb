namespace ScanPoint.FleetServer.Ingest;

/// <summary>What ingest and the broker refused, stored and failed since start; shown by <c>/api/stats</c>.</summary>
public sealed class IngestCounters
{
    private long _connectionsRefused;
    private long _publishesRefused;
    private long _subscriptionsRefused;
    private long _batchesAcknowledged;
    private long _checkInsCommitted;
    private long _storeFailures;

    public long ConnectionsRefused => Interlocked.Read(ref _connectionsRefused);

    public long PublishesRefused => Interlocked.Read(ref _publishesRefused);

    public long SubscriptionsRefused => Interlocked.Read(ref _subscriptionsRefused);

    public long BatchesAcknowledged => Interlocked.Read(ref _batchesAcknowledged);

    public long CheckInsCommitted => Interlocked.Read(ref _checkInsCommitted);

    public long StoreFailures => Interlocked.Read(ref _storeFailures);

    public void ConnectionRefused() => Interlocked.Increment(ref _connectionsRefused);

    public void PublishRefused() => Interlocked.Increment(ref _publishesRefused);

    public void SubscriptionRefused() => Interlocked.Increment(ref _subscriptionsRefused);

    public void Committed(int newCheckIns, int batches)
    {
        Interlocked.Add(ref _checkInsCommitted, newCheckIns);
        Interlocked.Add(ref _batchesAcknowledged, batches);
    }

    public void StoreFailed() => Interlocked.Increment(ref _storeFailures);
}
