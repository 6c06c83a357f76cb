namespace ScanPoint.Credentials.Dcc.Revocation;

/// <summary>
/// Revoked DCC hashes, per hash type and optionally per signer kid, each set stored as a sorted
/// <see cref="UInt128"/> array and searched by binary search (O(log n), 16 bytes per entry).
/// </summary>
public sealed class RevocationList
{
    private const string AnyKid = "";

    private readonly Dictionary<(RevocationHashType Type, string Kid), UInt128[]> _sets;

    private RevocationList(Dictionary<(RevocationHashType, string), UInt128[]> sets)
    {
        _sets = sets;
        Count = sets.Values.Sum(s => s.Length);
    }

    /// <summary>A list that revokes nothing.</summary>
    public static RevocationList Empty { get; } = new([]);

    /// <summary>The number of distinct (type, kid, hash) entries.</summary>
    public int Count { get; }

    /// <summary>Builds the list; null when an entry's hash is shorter than 16 bytes. Duplicates are merged.</summary>
    public static RevocationList? TryCreate(IEnumerable<RevocationEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var buckets = new Dictionary<(RevocationHashType, string), List<UInt128>>();
        foreach (var entry in entries)
        {
            if (RevocationHash.ToKey(entry.Hash.Span) is not { } key)
            {
                return null;
            }

            var bucket = (entry.Type, entry.Kid is { } kid ? KidKey(kid.Span) : AnyKid);
            if (!buckets.TryGetValue(bucket, out var keys))
            {
                keys = [];
                buckets[bucket] = keys;
            }

            keys.Add(key);
        }

        var sets = new Dictionary<(RevocationHashType, string), UInt128[]>(buckets.Count);
        foreach (var (bucket, keys) in buckets)
        {
            keys.Sort();
            sets[bucket] = Distinct(keys);
        }

        return new RevocationList(sets);
    }

    /// <summary>True when <paramref name="key"/> is revoked for this type, for every signer or for <paramref name="kid"/>.</summary>
    public bool Contains(RevocationHashType type, UInt128 key, ReadOnlySpan<byte> kid = default) =>
        Find(type, AnyKid, key) || (!kid.IsEmpty && Find(type, KidKey(kid), key));

    private bool Find(RevocationHashType type, string kid, UInt128 key) =>
        _sets.TryGetValue((type, kid), out var set) && Array.BinarySearch(set, key) >= 0;

    private static string KidKey(ReadOnlySpan<byte> kid) => kid.IsEmpty ? AnyKid : Convert.ToHexString(kid);

    private static UInt128[] Distinct(List<UInt128> sorted)
    {
        var result = new UInt128[sorted.Count];
        var count = 0;
        foreach (var key in sorted)
        {
            if (count == 0 || result[count - 1] != key)
            {
                result[count++] = key;
            }
        }

        Array.Resize(ref result, count);
        return result;
    }
}
