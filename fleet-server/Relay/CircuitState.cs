namespace ScanPoint.FleetServer.Relay;

/// <summary>The relay's circuit breaker: closed (requests flow), open (none sent), half-open (one probe on the wire).</summary>
public enum CircuitState
{
    Closed,
    Open,
    HalfOpen,
}
