using LiteDB;
using ScanPoint.Contracts.CheckIns;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>
/// Check-in ↔ BSON with short field names: the sequence number is the key, so no second index is kept. The subject is
/// stored only sealed (<c>p</c>, see <see cref="OutboxCipher"/>); an acknowledged check-in also carries its ack time
/// (<c>a</c>, Unix milliseconds).
/// </summary>
internal static class OutboxDocuments
{
    public const string AckedAt = "a";

    public static BsonDocument ToDocument(CheckInRecorded c, OutboxCipher? cipher)
    {
        var doc = new BsonDocument
        {
            ["_id"] = c.Seq,
            ["id"] = c.Id,
            ["d"] = c.DeviceId,
            ["s"] = c.SiteId,
            ["t"] = c.At.ToUnixTimeMilliseconds(),
            ["f"] = c.Format,
            ["v"] = c.Verdict,
            ["h"] = c.PayloadHash,
        };
        if (c.Subject is { } subject)
        {
            doc["p"] = (cipher ?? throw new InvalidOperationException("a check-in with a subject needs the outbox key")).Seal(subject, c.Seq, c.Id);
        }

        return doc;
    }

    /// <exception cref="System.Security.Cryptography.CryptographicException">The sealed subject does not open.</exception>
    public static CheckInRecorded ToCheckIn(BsonDocument d, OutboxCipher? cipher)
    {
        var seq = d["_id"].AsInt64;
        var id = d["id"].AsString;
        CheckInSubject? subject = null;
        if (d["p"].IsBinary)
        {
            subject = (cipher ?? throw new System.Security.Cryptography.CryptographicException("no outbox key to open the subject with"))
                .Open(d["p"].AsBinary, seq, id);
        }

        return new CheckInRecorded(
            id,
            seq,
            d["d"].AsString,
            d["s"].AsString,
            At(d),
            d["f"].AsString,
            d["v"].AsString,
            d["h"].AsString,
            subject);
    }

    public static DateTimeOffset At(BsonDocument d) => DateTimeOffset.FromUnixTimeMilliseconds(d["t"].AsInt64);
}
