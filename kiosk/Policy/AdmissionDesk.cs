using System.Security.Cryptography;
using System.Text;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Policy;

/// <summary>
/// Applies the admission policy of the kiosk's current settings to each scan. A repeat of the same code within the
/// duplicate window is shown again but not recorded. At a venue each code is judged alone and recorded with the
/// decision; a venue kiosk at the exit (<c>policy.venue.direction = out</c>) records each code as <c>checked-out</c>.
/// At a checkpoint each code is recorded with its own verdict and the codes of one traveller combine into
/// one decision (<see cref="CheckpointSession"/>); the final one is recorded as a crossing with the direction
/// (<c>policy.checkpoint.direction</c>, <c>in</c> by default). Thread-safe: scan sources run side by side.
/// </summary>
public sealed class AdmissionDesk(Func<IReadOnlyDictionary<string, string>> settings, TimeProvider time)
{
    public const string CrossingIn = "crossing:in";
    public const string CrossingOut = "crossing:out";

    private readonly Lock _lock = new();
    private readonly List<(string Hash, CheckInSubject? Subject)> _codes = [];
    private AdmissionPolicy? _policy;
    private DuplicateFilter? _duplicates;
    private CheckpointSession? _session;
    private AdmissionDecision? _last;

    public AdmissionPolicy Policy
    {
        get
        {
            lock (_lock)
            {
                return Refresh();
            }
        }
    }

    public AdmissionStep Scan(string payloadHash, CodeCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var policy = Refresh();
            if (_duplicates!.IsRepeat(payloadHash, now) && _last is { } shown)
            {
                return new AdmissionStep(true, check.Verdict, shown, null);
            }

            if (policy.Mode == AdmissionPolicy.Venue && policy.Direction == "out")
            {
                var checkout = new AdmissionDecision(VerdictCodes.CheckedOut, true, []);
                _last = checkout;
                return new AdmissionStep(false, VerdictCodes.CheckedOut, checkout, null); // leaving is not judged, only recorded
            }

            if (policy.Mode == AdmissionPolicy.Venue)
            {
                var decision = Admission.Decide(policy, [check.EvidenceOrUnread], now, more: false);
                _last = decision;
                return new AdmissionStep(false, decision.Verdict, decision, null);
            }

            if (_session!.ClosesAt is { } closes && now > closes)
            {
                _codes.Clear(); // the previous traveller's window ran out unseen by Expire
            }

            _codes.Add((payloadHash, check.Subject));
            var combined = _session.Add(check.EvidenceOrUnread, now);
            _last = combined;
            return new AdmissionStep(false, check.Verdict, combined, combined.Final ? Crossing(policy, combined) : null);
        }
    }

    /// <summary>A checkpoint traveller whose window ran out while pending: the final decision and its crossing; else null.</summary>
    public AdmissionStep? Expire()
    {
        lock (_lock)
        {
            var policy = Refresh();
            if (_session?.Expire(time.GetUtcNow()) is not { } decision)
            {
                return null;
            }

            _last = decision;
            return new AdmissionStep(false, decision.Verdict, decision, Crossing(policy, decision));
        }
    }

    private CrossingRecord Crossing(AdmissionPolicy policy, AdmissionDecision decision)
    {
        var direction = policy.Direction == "out" ? CrossingOut : CrossingIn;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', _codes.Select(c => c.Hash))))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var subject = _codes.Select(c => c.Subject).FirstOrDefault(s => s is not null);
        _codes.Clear();
        return new CrossingRecord(direction, decision.Verdict, hash, subject);
    }

    /// <summary>The policy of the current settings; a changed policy starts a fresh session and duplicate window.</summary>
    private AdmissionPolicy Refresh()
    {
        var policy = AdmissionPolicy.From(settings());
        if (_policy is null || !SamePolicy(_policy, policy))
        {
            _policy = policy;
            _duplicates = new DuplicateFilter(policy.DuplicateWindow);
            _session = new CheckpointSession(policy);
            _codes.Clear();
        }

        return _policy;
    }

    private static bool SamePolicy(AdmissionPolicy a, AdmissionPolicy b) =>
        a with { Require = b.Require } == b && a.Require.Count == b.Require.Count && a.Require.Zip(b.Require).All(p => p.First.SequenceEqual(p.Second));
}
