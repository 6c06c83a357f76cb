using System.Security.Cryptography;
using LiteDB;
using Microsoft.Extensions.Logging;
using ScanPoint.Contracts.CheckIns;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>
/// Reads outbox documents back into check-ins, opening sealed subjects; a record whose subject does not open (wrong
/// key, tampered bytes) is skipped and reported once — it stays in the outbox. Not thread-safe: the outbox serialises use.
/// </summary>
internal sealed class SubjectOpener(OutboxCipher? cipher, ILogger logger)
{
    private readonly HashSet<long> _unreadable = [];

    /// <summary>Records seen so far whose subject does not open.</summary>
    public int UnreadableCount => _unreadable.Count;

    /// <summary>The check-in, or null when its sealed subject does not open.</summary>
    public CheckInRecorded? TryRead(BsonDocument doc)
    {
        try
        {
            var checkIn = OutboxDocuments.ToCheckIn(doc, cipher);
            _unreadable.Remove(checkIn.Seq);
            return checkIn;
        }
        catch (CryptographicException ex)
        {
            var seq = doc["_id"].AsInt64;
            if (_unreadable.Add(seq))
            {
                Log.OutboxRecordUnreadable(logger, seq, ex.Message, OutboxKey.FileName);
            }

            return null;
        }
    }
}
