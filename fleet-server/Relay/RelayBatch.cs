using System.Security.Cryptography;
using System.Text;
using ScanPoint.Contracts.Intake;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Relay;

/// <summary>
/// One batch of outbox entries on its way to the backend. Its id (the idempotency key) is derived from the check-in
/// ids it carries, so the same entries re-sent, even by a restarted server, carry the same key.
/// </summary>
internal sealed class RelayBatch
{
    private readonly Dictionary<string, List<long>> _outboxIds;

    public RelayBatch(IReadOnlyList<PendingRelay> entries, string source)
    {
        _outboxIds = new Dictionary<string, List<long>>(entries.Count, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (_outboxIds.TryGetValue(entry.CheckIn.Id, out var same))
            {
                same.Add(entry.OutboxId); // one id stored twice on the fleet: both entries settle with it
            }
            else
            {
                _outboxIds.Add(entry.CheckIn.Id, [entry.OutboxId]);
            }
        }

        Request = new IntakeBatch(IdOf(entries), source, [.. entries.Select(e => e.CheckIn)]);
    }

    public IntakeBatch Request { get; }

    public int Count => Request.Items.Count;

    /// <summary>The outbox entries this batch carries.</summary>
    public IEnumerable<long> OutboxIds => _outboxIds.Values.SelectMany(ids => ids);

    /// <summary>The outbox entries this batch carries, as a list.</summary>
    public IReadOnlyList<long> OutboxIdList => [.. OutboxIds];

    /// <summary>Outbox ids the answer settled: accepted and duplicates relayed, rejected dead. Ids it did not name stay.</summary>
    public (List<long> Relayed, List<RelayRejected> Rejected) Settle(IntakeResult result)
    {
        var relayed = new List<long>(result.Accepted.Count + result.Duplicates.Count);
        foreach (var id in result.Accepted.Concat(result.Duplicates))
        {
            if (_outboxIds.TryGetValue(id, out var outboxIds))
            {
                relayed.AddRange(outboxIds);
            }
        }

        var rejected = new List<RelayRejected>(result.Rejected.Count);
        foreach (var r in result.Rejected)
        {
            if (r.Id is not null && _outboxIds.TryGetValue(r.Id, out var outboxIds))
            {
                rejected.AddRange(outboxIds.Select(id => new RelayRejected(id, r.Code ?? "", r.Reason ?? "")));
            }
        }

        return (relayed, rejected);
    }

    /// <summary>Every entry rejected with the same code and reason (the backend refused the whole batch).</summary>
    public List<RelayRejected> RejectAll(string code, string reason) =>
        [.. _outboxIds.Values.SelectMany(ids => ids).Select(id => new RelayRejected(id, code, reason))];

    /// <summary>SHA-256 over the ids, base64url of its first 24 bytes (32 characters).</summary>
    private static string IdOf(IReadOnlyList<PendingRelay> entries)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in entries)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(entry.CheckIn.Id));
            sha.AppendData("\n"u8);
        }

        return Convert.ToBase64String(sha.GetHashAndReset().AsSpan(0, 24)).Replace('+', '-').Replace('/', '_');
    }
}
