namespace ScanPoint.FleetServer.External;

/// <summary>What the liveness check concluded about the receive path.</summary>
internal enum ExternalLivenessVerdict
{
    Alive,

    /// <summary>Nothing came through (not even this replica's own probe) while the inbox had room: reconnect.</summary>
    Stalled,

    /// <summary>The inbox is full and the consumer took nothing since the last check: a stuck consumer, not the connection.</summary>
    ConsumerStuck,
}

/// <summary>
/// Decides whether a connection's receive path has stalled (MQTTnet issues #2234/#1962: a subscriber that stops
/// receiving while staying connected). The replica publishes a probe to its own non-shared topic every
/// <see cref="ExternalBrokerOptions.ProbeInterval"/>, so a working receive path completes a message at least that often.
/// If none completed within <see cref="ExternalBrokerOptions.StallTimeout"/>: with a full inbox whose consumer is making
/// progress that is back-pressure (alive); with a full inbox and no progress the consumer is stuck (reconnecting would
/// not help); otherwise the receive path is stalled.
/// </summary>
internal sealed class ExternalLiveness(ExternalBrokerOptions options, ExternalInbox inbox, TimeProvider time)
{
    private long _takenAtLastCheck = inbox.Taken;

    public void Reset() => _takenAtLastCheck = inbox.Taken;

    public ExternalLivenessVerdict Check(long lastReceivedAt)
    {
        var taken = inbox.Taken;
        var progressed = taken != _takenAtLastCheck;
        _takenAtLastCheck = taken;
        if (time.GetElapsedTime(lastReceivedAt) <= options.StallTimeout)
        {
            return ExternalLivenessVerdict.Alive;
        }

        if (inbox.IsFull)
        {
            return progressed ? ExternalLivenessVerdict.Alive : ExternalLivenessVerdict.ConsumerStuck;
        }

        return ExternalLivenessVerdict.Stalled;
    }
}
