using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.Shc;

/// <summary>
/// An SHC CRL for one key: <c>{kid, method: "rid", ctr, rids: ["rid[.timestamp]" …]}</c>. A credential is revoked
/// when its rid is listed without a timestamp, or with a timestamp at or after the credential's nbf.
/// Lookup is one hash-set probe.
/// </summary>
public sealed class ShcRevocationList
{
    private const int MaxRidLength = 64;
    private const int MaxTimestampDigits = 12;

    /// <summary>rid → the latest revocation timestamp (Unix seconds), or null when every credential with it is revoked.</summary>
    private readonly FrozenDictionary<string, long?> _rids;

    private ShcRevocationList(string kid, long counter, FrozenDictionary<string, long?> rids, int skipped)
    {
        Kid = kid;
        Counter = counter;
        _rids = rids;
        SkippedCount = skipped;
    }

    public string Kid { get; }

    /// <summary>The CRL's <c>ctr</c>: increases with every published version.</summary>
    public long Counter { get; }

    public int Count => _rids.Count;

    /// <summary>Entries that were not <c>rid[.timestamp]</c> and were left out.</summary>
    public int SkippedCount { get; }

    /// <summary>The CRL in <paramref name="json"/>, or null when it is not one (wrong method, missing kid/ctr/rids).</summary>
    public static ShcRevocationList? TryParse(string json)
    {
        if (ShcJson.TryParseObject(Encoding.UTF8.GetBytes(json), maxDepth: 4) is not { } crl
            || ShcJson.String(crl["kid"]) is not { Length: > 0 } kid
            || ShcJson.String(crl["method"]) != "rid"
            || ShcJson.Number(crl["ctr"]) is not { } counter
            || crl["rids"] is not JsonArray entries)
        {
            return null;
        }

        var rids = new Dictionary<string, long?>(entries.Count, StringComparer.Ordinal);
        var skipped = 0;
        foreach (var entry in entries)
        {
            if (ShcJson.String(entry) is not { } text || !TryParseEntry(text, out var rid, out var timestamp))
            {
                skipped++;
                continue;
            }

            rids[rid] = rids.TryGetValue(rid, out var known)
                ? (known is null || timestamp is null ? null : Math.Max(known.Value, timestamp.Value))
                : timestamp;
        }

        return new ShcRevocationList(kid, (long)counter, rids.ToFrozenDictionary(StringComparer.Ordinal), skipped);
    }

    /// <summary>Whether a credential with <paramref name="rid"/> issued at <paramref name="notBefore"/> is revoked.</summary>
    public bool IsRevoked(string rid, DateTimeOffset notBefore) =>
        _rids.TryGetValue(rid, out var timestamp)
        && (timestamp is null || notBefore.ToUnixTimeMilliseconds() <= timestamp.Value * 1000);

    private static bool TryParseEntry(string text, out string rid, out long? timestamp)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        rid = dot < 0 ? text : text[..dot];
        timestamp = null;
        if (rid.Length is 0 or > MaxRidLength || !Base64UrlText.IsAlphabet(rid))
        {
            return false;
        }

        if (dot < 0)
        {
            return true;
        }

        var digits = text.AsSpan(dot + 1);
        if (digits.Length is 0 or > MaxTimestampDigits || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        timestamp = seconds;
        return true;
    }
}
