namespace ScanPoint.FleetServer.Relay;

/// <summary>The circuit breaker's state for <c>/api/stats</c> and <c>/api/relay</c>.</summary>
public sealed record CircuitSnapshot(CircuitState State, DateTimeOffset? OpenedAt, int ConsecutiveFailures, DateTimeOffset? ProbeAt);
