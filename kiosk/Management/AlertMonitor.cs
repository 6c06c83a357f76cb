using Microsoft.Extensions.Logging;
using ScanPoint.Contracts.Management;

namespace ScanPoint.Kiosk.Management;

/// <summary>
/// Turns the alert conditions seen at each evaluation into raised/cleared changes with hysteresis: a kind is raised
/// only after its condition held for <c>alerts.raiseAfter</c>, and cleared only after it stayed clear for
/// <c>alerts.clearAfter</c>, so a flapping reading sends nothing. Changes go to the durable <see cref="AlertQueue"/>,
/// which also remembers which kinds are raised across restarts.
/// </summary>
internal sealed class AlertMonitor(AlertQueue queue, TimeProvider time, ILogger<AlertMonitor> logger)
{
    private readonly Dictionary<string, DateTimeOffset> _changingSince = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Evaluates the conditions holding now; returns how many changes were queued.</summary>
    public int Observe(IReadOnlyDictionary<string, string> active, TimeSpan raiseAfter, TimeSpan clearAfter)
    {
        ArgumentNullException.ThrowIfNull(active);
        var now = time.GetUtcNow();
        var changes = 0;
        lock (_lock)
        {
            foreach (var kind in AlertConditions.Kinds)
            {
                var holds = active.ContainsKey(kind);
                var raised = queue.IsRaised(kind);
                if (holds == raised)
                {
                    _changingSince.Remove(kind);
                    continue;
                }

                if (!_changingSince.TryGetValue(kind, out var since))
                {
                    _changingSince[kind] = since = now;
                }

                if (now - since < (holds ? raiseAfter : clearAfter))
                {
                    continue;
                }

                _changingSince.Remove(kind);
                var state = holds ? AlertChanged.Raised : AlertChanged.Cleared;
                var alert = queue.Enqueue(kind, state, holds ? active[kind] : "condition cleared", now);
                Log.AlertChanged(logger, alert.Kind, alert.State, alert.Seq);
                changes++;
            }
        }

        return changes;
    }
}
