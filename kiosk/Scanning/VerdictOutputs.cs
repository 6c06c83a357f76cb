using ScanPoint.Kiosk.Policy;
using ScanPoint.Kiosk.Screen;
using ScanPoint.Kiosk.Signals;

namespace ScanPoint.Kiosk.Scanning;

/// <summary>Where a decision is shown to the person at the kiosk: the screen and the door signals (each optional).</summary>
public sealed class VerdictOutputs(VerdictFeed? screen = null, VerdictSignals? signals = null)
{
    public void Show(AdmissionDecision decision, string? name, string? birthDate)
    {
        ArgumentNullException.ThrowIfNull(decision);
        screen?.Show(decision.Verdict, name, birthDate, decision.Missing);
        if (decision.Verdict != AdmissionDecision.Pending)
        {
            signals?.Show(decision.Verdict);
        }
    }

    /// <summary>A scan that could not be recorded: never shown as accepted.</summary>
    public void ShowError()
    {
        screen?.Show("unverifiable:STORAGE");
        signals?.ShowError();
    }
}
