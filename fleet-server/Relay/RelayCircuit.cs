using Microsoft.Extensions.Options;

namespace ScanPoint.FleetServer.Relay;

/// <summary>
/// The relay's circuit breaker. After <see cref="RelayOptions.CircuitFailures"/> consecutive failed requests it opens:
/// no request is sent for <see cref="RelayOptions.CircuitOpenFor"/>; then one request goes as a probe (half-open):
/// its success closes the circuit, its failure opens it again for the same time. Any success resets the count. Each
/// transition is logged. Ingest never looks at it: check-ins keep going into the outbox while it is open.
/// </summary>
public sealed class RelayCircuit(IOptions<RelayOptions> options, TimeProvider timeProvider, ILogger<RelayCircuit> logger)
{
    private readonly RelayOptions _options = options.Value;
    private readonly Lock _lock = new();
    private CircuitState _state = CircuitState.Closed;
    private DateTimeOffset? _openedAt;
    private int _failures;
    private bool _probeOnTheWire;

    public CircuitSnapshot Snapshot
    {
        get
        {
            lock (_lock)
            {
                return new CircuitSnapshot(_state, _openedAt, _failures, _openedAt + _options.CircuitOpenFor);
            }
        }
    }

    /// <summary>
    /// Whether a request may go now. Closed: yes. Open: no until the open time has passed, then the first caller sends
    /// the probe (half-open). Half-open: no while the probe is out. <paramref name="wait"/> says how long to wait
    /// before asking again when the answer is no.
    /// </summary>
    public bool TryEnter(out TimeSpan wait)
    {
        lock (_lock)
        {
            wait = TimeSpan.Zero;
            if (_state == CircuitState.Closed)
            {
                return true;
            }

            var now = timeProvider.GetUtcNow();
            if (_state == CircuitState.Open)
            {
                var probeAt = _openedAt!.Value + _options.CircuitOpenFor;
                if (now < probeAt)
                {
                    wait = probeAt - now;
                    return false;
                }

                Move(CircuitState.HalfOpen);
            }

            if (_probeOnTheWire)
            {
                wait = TimeSpan.FromMilliseconds(Math.Min(_options.CircuitOpenFor.TotalMilliseconds, 100));
                return false;
            }

            _probeOnTheWire = true;
            return true;
        }
    }

    /// <summary>A request got an answer the backend meant (2xx, or a refusal for good): the backend is there.</summary>
    public void Succeeded()
    {
        lock (_lock)
        {
            _failures = 0;
            _probeOnTheWire = false;
            if (_state != CircuitState.Closed)
            {
                _openedAt = null;
                Move(CircuitState.Closed);
            }
        }
    }

    /// <summary>A request failed transiently (5xx, timeout, refused connection…).</summary>
    public void Failed()
    {
        lock (_lock)
        {
            _failures++;
            var wasProbe = _probeOnTheWire;
            _probeOnTheWire = false;
            if (_state == CircuitState.HalfOpen && wasProbe)
            {
                _openedAt = timeProvider.GetUtcNow();
                Move(CircuitState.Open);
            }
            else if (_state == CircuitState.Closed && _failures >= _options.CircuitFailures)
            {
                _openedAt = timeProvider.GetUtcNow();
                Move(CircuitState.Open);
            }
        }
    }

    /// <summary>A request entered but ended without an answer either way (stopping): the probe may go again.</summary>
    public void Abandoned()
    {
        lock (_lock)
        {
            _probeOnTheWire = false;
        }
    }

    private void Move(CircuitState to)
    {
        var from = _state;
        _state = to;
        Log.RelayCircuitMoved(logger, from, to, _failures, to == CircuitState.Open ? _options.CircuitOpenFor : TimeSpan.Zero);
    }
}
