namespace ScanPoint.Hardware.Camera;

/// <summary>
/// Turns repeated sightings of one code into one scan: a text is let through when it was not seen within
/// <see cref="Window"/> of its last sighting. A code held in front of the camera therefore yields one event however
/// long it stays; shown again after the window has passed, it yields another. One thread only.
/// </summary>
public sealed class CodeDebouncer
{
    private const int MaxRemembered = 64;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, long> _lastSeen = new(StringComparer.Ordinal);

    public CodeDebouncer(TimeSpan window, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        (Window, _timeProvider) = (window, timeProvider);
    }

    public TimeSpan Window { get; }

    /// <summary>Records a sighting of <paramref name="text"/>; true when it should become a scan event.</summary>
    public bool ShouldEmit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var now = _timeProvider.GetTimestamp();
        Forget(now);
        var emit = !_lastSeen.TryGetValue(text, out var last) || _timeProvider.GetElapsedTime(last, now) >= Window;
        _lastSeen[text] = now;
        return emit;
    }

    private void Forget(long now)
    {
        foreach (var (text, seen) in _lastSeen)
        {
            if (_timeProvider.GetElapsedTime(seen, now) >= Window)
            {
                _lastSeen.Remove(text);
            }
        }

        if (_lastSeen.Count >= MaxRemembered)
        {
            _lastSeen.Remove(_lastSeen.MinBy(pair => pair.Value).Key);
        }
    }
}
