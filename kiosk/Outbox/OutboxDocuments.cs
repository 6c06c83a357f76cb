using LiteDB;
using ScanPoint.Contracts.CheckIns;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>Check-in ↔ BSON with short field names: the sequence number is the key, so no second index is kept.</summary>
internal static class OutboxDocuments
{
    public static BsonDocument ToDocument(CheckInRecorded c) => new()
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

    public static CheckInRecorded ToCheckIn(BsonDocument d) => new(
        d["id"].AsString,
        d["_id"].AsInt64,
        d["d"].AsString,
        d["s"].AsString,
        DateTimeOffset.FromUnixTimeMilliseconds(d["t"].AsInt64),
        d["f"].AsString,
        d["v"].AsString,
        d["h"].AsString);
}
