namespace ScanPoint.Kiosk.Policy;

/// <summary>
/// One traveller at a checkpoint: the codes scanned within <see cref="AdmissionPolicy.CombineWindow"/> of the first
/// combine into one decision. A final decision (accepted, or a refusal such as a name/birth-date mismatch) closes the
/// session; a scan after the window starts a new one; <see cref="Expire"/> closes a pending session whose window ran
/// out (refused as incomplete, or with the cause the codes gave). Not thread-safe: one scan pipeline owns it.
/// </summary>
public sealed class CheckpointSession(AdmissionPolicy policy)
{
    private readonly List<Evidence> _evidence = [];
    private DateTimeOffset _started;

    public bool Open => _evidence.Count > 0;

    public IReadOnlyList<Evidence> Evidence => _evidence;

    /// <summary>Adds a scanned code and decides; a final decision ends the session.</summary>
    public AdmissionDecision Add(Evidence evidence, DateTimeOffset now)
    {
        if (Open && now - _started > policy.CombineWindow)
        {
            _evidence.Clear();
        }

        if (!Open)
        {
            _started = now;
        }

        _evidence.Add(evidence);
        var decision = Admission.Decide(policy, _evidence, now, more: true);
        if (decision.Final)
        {
            _evidence.Clear();
        }

        return decision;
    }

    /// <summary>When the window of a pending session has passed: its final decision (and the session ends); else null.</summary>
    public AdmissionDecision? Expire(DateTimeOffset now)
    {
        if (!Open || now - _started <= policy.CombineWindow)
        {
            return null;
        }

        var decision = Admission.Decide(policy, _evidence, now, more: false);
        _evidence.Clear();
        return decision;
    }

    /// <summary>When the pending session's window runs out, or null when none is open.</summary>
    public DateTimeOffset? ClosesAt => Open ? _started + policy.CombineWindow : null;
}
