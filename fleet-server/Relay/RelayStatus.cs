using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Relay;

/// <summary>The relay's state as JSON for <c>/api/stats</c> (<c>relay</c>) and <c>GET /api/relay</c>.</summary>
internal static class RelayStatus
{
    /// <summary>Backlog (durable, from the store), the circuit, and what the relay did since start; lag = age of the oldest unrelayed check-in.</summary>
    public static object Of(RelayCounters relay, RelayCircuit circuit, RelayBacklog backlog, DateTimeOffset now)
    {
        var breaker = circuit.Snapshot;
        return new
        {
            enabled = relay.Enabled,
            pending = backlog.Pending,
            oldestPendingReceivedAt = backlog.OldestReceivedAt,
            lagSeconds = backlog.OldestReceivedAt is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0,
            deadLetters = backlog.DeadLetters,
            circuit = new
            {
                state = breaker.State switch
                {
                    CircuitState.Open => "open",
                    CircuitState.HalfOpen => "half-open",
                    _ => "closed",
                },
                openedAt = breaker.OpenedAt,
                probeAt = breaker.State == CircuitState.Open ? breaker.ProbeAt : null,
                consecutiveFailures = breaker.ConsecutiveFailures,
            },
            batchesDelivered = relay.BatchesDelivered,
            accepted = relay.Accepted,
            duplicates = relay.Duplicates,
            rejected = relay.Rejected,
            failedAttempts = relay.FailedAttempts,
            deadLetteredAfterAttempts = relay.Exhausted,
            lastError = relay.LastError,
            lastDeliveryAt = relay.LastDeliveryAt,
        };
    }
}
