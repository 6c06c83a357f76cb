namespace ScanPoint.FleetServer.External;

/// <summary>What the external-broker connection saw since start; shown by <c>/api/external-broker</c>.</summary>
public sealed class ExternalBrokerCounters
{
    private long _connects;
    private long _connectFailures;
    private long _stalls;
    private long _received;
    private long _stalePresenceCorrected;

    public long Connects => Interlocked.Read(ref _connects);

    public long ConnectFailures => Interlocked.Read(ref _connectFailures);

    /// <summary>Receive paths found stalled by the liveness probe and reconnected.</summary>
    public long Stalls => Interlocked.Read(ref _stalls);

    public long Received => Interlocked.Read(ref _received);

    public long StalePresenceCorrected => Interlocked.Read(ref _stalePresenceCorrected);

    public void Connected() => Interlocked.Increment(ref _connects);

    public void ConnectFailed() => Interlocked.Increment(ref _connectFailures);

    public void Stalled() => Interlocked.Increment(ref _stalls);

    public void MessageReceived() => Interlocked.Increment(ref _received);

    public void PresenceCorrected() => Interlocked.Increment(ref _stalePresenceCorrected);
}
