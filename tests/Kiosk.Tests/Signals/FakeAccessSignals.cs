using ScanPoint.Hardware.Signals;

namespace ScanPoint.Kiosk.Tests.Signals;

/// <summary>Door signals that record the verdicts shown, or fail like broken hardware (faulted, and throwing when told to).</summary>
internal sealed class FakeAccessSignals : IAccessSignals
{
    private readonly Lock _lock = new();
    private readonly List<SignalVerdict> _shown = [];
    private int _pulses;

    public bool Throw { get; init; }

    public SignalsHealth Health { get; set; } = SignalsHealth.Working("fake");

    public SignalOutputs Outputs => SignalOutputs.None;

    public int Pulses => Volatile.Read(ref _pulses);

    public List<SignalPattern> Played { get; } = [];

    public IReadOnlyList<SignalVerdict> Shown
    {
        get
        {
            lock (_lock)
            {
                return [.. _shown];
            }
        }
    }

    public void Show(SignalVerdict verdict)
    {
        lock (_lock)
        {
            _shown.Add(verdict);
        }

        if (Throw)
        {
            throw new IOException("gpio line 17: write failed");
        }
    }

    public void Play(SignalPattern pattern)
    {
        lock (_lock)
        {
            Played.Add(pattern);
        }
    }

    public void Idle()
    {
    }

    public Task PulseRelayAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _pulses);
        return Throw ? Task.FromException(new IOException("relay: write failed")) : Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}
