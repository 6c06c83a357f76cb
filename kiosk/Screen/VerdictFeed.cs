using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ScanPoint.Kiosk.Screen;

/// <summary>
/// The page's state and its subscribers. A verdict replaces the current one at once; the masked name and birth year
/// are cleared after <see cref="ScreenOptions.PersonalHold"/>, and the page returns to idle after
/// <see cref="ScreenOptions.VerdictHold"/> (timers on the injected clock). Every change is pushed to every subscriber
/// (each a small bounded channel keeping only the newest states, so a stuck page cannot hold the kiosk up).
/// </summary>
public sealed class VerdictFeed : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<Channel<ScreenState>> _subscribers = [];
    private readonly ScreenOptions _options;
    private readonly ITimer _personal;
    private readonly ITimer _idle;
    private ScreenState _current;

    public VerdictFeed(IOptions<ScreenOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _current = Idle(0, 0, new ScreenStatus(false, 0, null, null));
        _personal = time.CreateTimer(_ => Update(s => s with { MaskedName = null, BirthYear = null }), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _idle = time.CreateTimer(_ => Update(s => Idle(s.Seq, s.Verdicts, s.Status)), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public ScreenState Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>
    /// Shows a verdict (or <c>pending</c> with what is <paramref name="missing"/>): its kind and reason, and for a few
    /// seconds the masked name and birth year.
    /// </summary>
    public void Show(string verdict, string? name = null, string? birthDate = null, IReadOnlyList<string>? missing = null)
    {
        var (kind, vi, en) = verdict == "pending" ? VerdictText.Pending(missing ?? []) : VerdictText.Describe(verdict);
        var showPersonal = _options.PersonalHold > TimeSpan.Zero;
        Update(s => new ScreenState(
            s.Seq + 1, s.Verdicts + 1, kind, verdict, vi, en, showPersonal ? NameMask.Mask(name) : null, showPersonal ? BirthYear(birthDate) : null, s.Status));
        _personal.Change(_options.PersonalHold < _options.VerdictHold ? _options.PersonalHold : _options.VerdictHold, Timeout.InfiniteTimeSpan);
        _idle.Change(_options.VerdictHold, Timeout.InfiniteTimeSpan);
    }

    /// <summary>New status line; pushed only when it changed.</summary>
    public void SetStatus(ScreenStatus status) => Update(s => s.Status == status ? s : s with { Seq = s.Seq + 1, Status = status });

    /// <summary>A subscription that starts with the current state; dispose the returned handle to leave.</summary>
    public (ChannelReader<ScreenState> Reader, IDisposable Leave) Subscribe()
    {
        var channel = Channel.CreateBounded<ScreenState>(new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock)
        {
            _subscribers.Add(channel);
            channel.Writer.TryWrite(_current);
        }

        return (channel.Reader, new Unsubscribe(this, channel));
    }

    public void Dispose()
    {
        _personal.Dispose();
        _idle.Dispose();
    }

    private static ScreenState Idle(long seq, long verdicts, ScreenStatus status) =>
        new(seq + 1, verdicts, "idle", "", "Vui lòng quét mã QR", "Please scan your QR code", null, null, status);

    private static int? BirthYear(string? birthDate) =>
        birthDate is { Length: >= 4 } && int.TryParse(birthDate.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null;

    private void Update(Func<ScreenState, ScreenState> change)
    {
        lock (_lock)
        {
            var next = change(_current);
            if (ReferenceEquals(next, _current))
            {
                return;
            }

            _current = next.Seq > _current.Seq ? next : next with { Seq = _current.Seq + 1 };
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(_current);
            }
        }
    }

    private sealed class Unsubscribe(VerdictFeed feed, Channel<ScreenState> channel) : IDisposable
    {
        public void Dispose()
        {
            lock (feed._lock)
            {
                feed._subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        }
    }
}
