namespace ScanPoint.Kiosk.Policy;

/// <summary>
/// The same code scanned again within the window (a guest holding the phone under the camera, a double trigger) is one
/// check-in: <see cref="IsRepeat"/> says so by payload hash. Bounded: at most <see cref="Capacity"/> recent codes.
/// </summary>
public sealed class DuplicateFilter(TimeSpan window)
{
    public const int Capacity = 256;

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="payloadHash"/> was seen within the window before <paramref name="now"/>; records it otherwise.</summary>
    public bool IsRepeat(string payloadHash, DateTimeOffset now)
    {
        if (_seen.TryGetValue(payloadHash, out var at) && now - at <= window)
        {
            return true;
        }

        if (_seen.Count >= Capacity)
        {
            foreach (var old in _seen.Where(kv => now - kv.Value > window).Select(kv => kv.Key).ToList())
            {
                _seen.Remove(old);
            }

            if (_seen.Count >= Capacity)
            {
                _seen.Remove(_seen.MinBy(kv => kv.Value).Key);
            }
        }

        _seen[payloadHash] = now;
        return false;
    }
}
