namespace ScanPoint.Kiosk.Health;

/// <summary>
/// What this kiosk knows of the fleet's clock: learned at each connect (CONNACK user property <c>server-time</c>) and
/// from every ack. <see cref="OffsetSeconds"/> is fleet time minus kiosk time (positive: the kiosk is behind), not
/// corrected for transit, so it is good to about a network round trip. Null until first learned. Every learned time
/// also becomes the kiosk's last-known-good time (the fleet's clock is the authority).
/// </summary>
public sealed class ServerClock(TimeProvider time, Clock.LastKnownGoodTime? lastKnownGood = null)
{
    private readonly Lock _lock = new();
    private double? _offsetSeconds;

    public double? OffsetSeconds
    {
        get
        {
            lock (_lock)
            {
                return _offsetSeconds;
            }
        }
    }

    /// <summary>The fleet's clock said <paramref name="serverTime"/> just now.</summary>
    public void Observe(DateTimeOffset serverTime)
    {
        var offset = (serverTime - time.GetUtcNow()).TotalSeconds;
        lock (_lock)
        {
            _offsetSeconds = offset;
        }

        lastKnownGood?.LearnFromServer(serverTime);
    }

    /// <summary>Observes an ISO 8601 server time from a CONNACK property; ignores anything unparsable.</summary>
    public void Observe(string? serverTime)
    {
        if (DateTimeOffset.TryParse(serverTime, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var parsed))
        {
            Observe(parsed);
        }
    }
}
