using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ScanPoint.Kiosk.Clock;

/// <summary>
/// The latest time the kiosk knows to have passed, kept in <see cref="FileName"/> in the data directory (ISO 8601,
/// written atomically) so that a Pi without a real-time clock can tell after a reboot that its clock went back.
/// The local clock only moves it forward (<see cref="Advance"/>); the fleet's clock is the authority and may also move
/// it back (<see cref="LearnFromServer"/>), which undoes a clock that once ran ahead. Thread-safe.
/// </summary>
public sealed class LastKnownGoodTime
{
    public const string FileName = "clock.lkg";

    private readonly Lock _lock = new();
    private readonly string _path;
    private readonly TimeSpan _persistStep;
    private readonly ILogger _logger;
    private DateTimeOffset? _value;
    private DateTimeOffset? _persisted;

    private LastKnownGoodTime(string path, TimeSpan persistStep, DateTimeOffset? value, ILogger logger) =>
        (_path, _persistStep, _value, _persisted, _logger) = (path, persistStep, value, value, logger);

    /// <summary>Null until first learned or saved.</summary>
    public DateTimeOffset? Value
    {
        get
        {
            lock (_lock)
            {
                return _value;
            }
        }
    }

    /// <summary>Reads the saved time; a missing or unreadable file means none (logged when unreadable).</summary>
    public static LastKnownGoodTime Load(string dataDir, TimeSpan persistStep, ILogger logger)
    {
        var path = Path.Combine(dataDir, FileName);
        DateTimeOffset? value = null;
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            if (DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
            {
                value = parsed;
            }
            else
            {
                Log.LastKnownGoodUnreadable(logger, path);
            }
        }

        return new LastKnownGoodTime(path, persistStep, value, logger);
    }

    /// <summary>A trusted local clock says <paramref name="now"/>: moves forward only, and saves.</summary>
    public void Advance(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_value is { } value && now <= value)
            {
                return;
            }

            _value = now;
            Save(now);
        }
    }

    /// <summary>
    /// The fleet's clock said <paramref name="serverTime"/>: taken as it is, forward or back. Saved when it moved back
    /// or at least the persist step beyond the saved value, so acks arriving every second do not wear the card.
    /// </summary>
    public void LearnFromServer(DateTimeOffset serverTime)
    {
        lock (_lock)
        {
            _value = serverTime;
            if (_persisted is not { } persisted || serverTime < persisted || serverTime - persisted >= _persistStep)
            {
                Save(serverTime);
            }
        }
    }

    private void Save(DateTimeOffset time)
    {
        try
        {
            AtomicFile.Write(_path, Encoding.ASCII.GetBytes(time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
            _persisted = time;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LastKnownGoodNotSaved(_logger, ex.Message);
        }
    }
}
