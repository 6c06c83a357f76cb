using System.Text;
using System.Text.Json;
using ScanPoint.Contracts.Management;
using ScanPoint.Contracts.Wire;

namespace ScanPoint.Kiosk.Management;

/// <summary>
/// The kiosk's alert changes waiting for the fleet, in order, durable and bounded: <c>alerts-queue.jsonl</c> (one
/// fsync'd line per change; at most <see cref="Capacity"/>, the oldest dropped and counted) and <c>alerts.json</c> (the
/// last sequence number, the raised kinds, the dropped count). A change leaves the queue only after the broker took it.
/// </summary>
internal sealed class AlertQueue
{
    public const string QueueFileName = "alerts-queue.jsonl";
    public const string StateFileName = "alerts.json";
    public const int Capacity = 500;

    private readonly Lock _lock = new();
    private readonly string _queuePath;
    private readonly string _statePath;
    private readonly List<AlertChanged> _pending = [];
    private State _state = new(0, [], 0);

    public AlertQueue(string dataDir)
    {
        (_queuePath, _statePath) = (Path.Combine(dataDir, QueueFileName), Path.Combine(dataDir, StateFileName));
        if (File.Exists(_statePath))
        {
            _state = JsonSerializer.Deserialize<State>(File.ReadAllBytes(_statePath)) ?? _state;
        }

        foreach (var line in File.Exists(_queuePath) ? File.ReadLines(_queuePath) : [])
        {
            if (WireJson.TryDecode(Encoding.UTF8.GetBytes(line), out AlertChanged? alert, out _))
            {
                _pending.Add(alert);
                if (alert.Seq > _state.Seq)
                {
                    _state = Next(_state, alert); // written to the queue, the state not yet: a power cut in between
                }
            }
        }
    }

    public IReadOnlyList<AlertChanged> Pending
    {
        get
        {
            lock (_lock)
            {
                return [.. _pending];
            }
        }
    }

    /// <summary>Changes dropped because the queue was full while offline.</summary>
    public long Dropped => _state.Dropped;

    public bool IsRaised(string kind) => _state.Raised.Contains(kind);

    /// <summary>Queues the next change (next sequence number) durably.</summary>
    public AlertChanged Enqueue(string kind, string state, string detail, DateTimeOffset at)
    {
        lock (_lock)
        {
            var alert = new AlertChanged(AlertChanged.SchemaVersion, _state.Seq + 1, kind, state, detail, at);
            _pending.Add(alert);
            var next = Next(_state, alert);
            if (_pending.Count > Capacity)
            {
                next = next with { Dropped = next.Dropped + _pending.Count - Capacity };
                _pending.RemoveRange(0, _pending.Count - Capacity);
                RewriteQueue();
            }
            else
            {
                using var file = new FileStream(_queuePath, FileMode.Append, FileAccess.Write);
                file.Write(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(WireJson.Encode(alert)) + "\n"));
                file.Flush(flushToDisk: true);
            }

            _state = next;
            AtomicFile.Write(_statePath, JsonSerializer.SerializeToUtf8Bytes(_state));
            return alert;
        }
    }

    /// <summary>Publishes the queued changes in order (one caller at a time: the reporter's loop); each is removed once <paramref name="publish"/> says the broker took it.</summary>
    public async Task<int> PublishAsync(Func<AlertChanged, CancellationToken, Task<bool>> publish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publish);
        var sent = 0;
        while (Pending is [var head, ..] && await publish(head, cancellationToken).ConfigureAwait(false))
        {
            lock (_lock)
            {
                _pending.RemoveAll(a => a.Seq == head.Seq);
                RewriteQueue();
            }

            sent++;
        }

        return sent;
    }

    private static State Next(State state, AlertChanged alert)
    {
        var raised = new HashSet<string>(state.Raised, StringComparer.Ordinal);
        if (alert.State == AlertChanged.Raised)
        {
            raised.Add(alert.Kind);
        }
        else
        {
            raised.Remove(alert.Kind);
        }

        return state with { Seq = alert.Seq, Raised = [.. raised.Order(StringComparer.Ordinal)] };
    }

    private void RewriteQueue() =>
        AtomicFile.Write(_queuePath, Encoding.UTF8.GetBytes(string.Concat(_pending.Select(a => Encoding.UTF8.GetString(WireJson.Encode(a)) + "\n"))));

    private sealed record State(long Seq, List<string> Raised, long Dropped);
}
