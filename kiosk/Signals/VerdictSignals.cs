using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Hardware.Signals;

namespace ScanPoint.Kiosk.Signals;

/// <summary>
/// The verdict pipeline's hook to the door: maps a check-in's verdict string (<c>accepted</c>, <c>rejected:…</c>,
/// <c>unverifiable:…</c>, <c>unverified</c>) to lights and tone, and pulses the door relay only on <c>accepted</c>
/// when <c>Signals:Relay</c> is on. Never throws and never waits: a broken signal is logged once and shown in the
/// kiosk's health, and the scan goes on.
/// </summary>
public sealed class VerdictSignals
{
    private readonly IAccessSignals _signals;
    private readonly IOptions<SignalsOptions> _options;
    private readonly ILogger<VerdictSignals> _logger;
    private int _faultLogged;

    public VerdictSignals(IAccessSignals signals, IOptions<SignalsOptions> options, ILogger<VerdictSignals> logger)
    {
        _signals = signals;
        _options = options;
        _logger = logger;
        LogFaultOnce(); // GPIO that could not be opened at start-up
    }

    public SignalsHealth Health => _signals.Health;

    /// <summary>The signal class of a verdict string; anything unknown is an error, never a green.</summary>
    public static SignalVerdict Classify(string verdict) => verdict switch
    {
        VerdictCodes.Accepted or VerdictCodes.CheckedOut => SignalVerdict.Accepted,
        VerdictCodes.Unverified => SignalVerdict.Unverifiable,
        _ when verdict.StartsWith("rejected:", StringComparison.Ordinal) => SignalVerdict.Rejected,
        _ when verdict.StartsWith("unverifiable:", StringComparison.Ordinal) => SignalVerdict.Unverifiable,
        _ => SignalVerdict.Error,
    };

    /// <summary>Shows a recorded check-in's verdict.</summary>
    public void Show(string verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        Signal(Classify(verdict));
    }

    /// <summary>Shows that a scan could not be judged or recorded (the person must scan again).</summary>
    public void ShowError() => Signal(SignalVerdict.Error);

    private void Signal(SignalVerdict verdict)
    {
        try
        {
            _signals.Show(verdict);
            if (verdict == SignalVerdict.Accepted && _options.Value.Relay)
            {
                _ = PulseAsync();
            }
        }
        catch (Exception ex)
        {
            Log.SignalsFailed(_logger, ex.Message); // a driver bug: the scan was recorded all the same
        }

        LogFaultOnce();
    }

    private async Task PulseAsync()
    {
        try
        {
            await _signals.PulseRelayAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.SignalsFailed(_logger, ex.Message);
        }

        LogFaultOnce();
    }

    private void LogFaultOnce()
    {
        var health = _signals.Health;
        if (health.Faulted && Interlocked.Exchange(ref _faultLogged, 1) == 0)
        {
            Log.SignalsFaulted(_logger, health.Driver, health.Reason ?? "");
        }
    }
}
