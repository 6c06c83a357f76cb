using ScanPoint.Hardware.Hid;

namespace ScanPoint.Hardware.Tests.Hid;

/// <summary>
/// Produces the evdev byte stream a USB HID wedge scanner produces for a text: per key an EV_MSC/MSC_SCAN with the
/// HID usage, the EV_KEY press and an EV_SYN report, then the same for the release; Shift (or AltGr) is pressed
/// and released around each character that needs it, a dead key is followed by Space, and the terminator ends it.
/// </summary>
internal static class ScannerKeystrokes
{
    private const long FirstSecond = 1_795_420_800; // 2026-11-23T08:00:00Z
    private const ushort LeftShift = 42;
    private const ushort RightAlt = 100;

    // HID keyboard usages (page 7) of the Linux key codes used here (drivers/hid/hid-input.c, hid_keyboard[]).
    private static readonly Dictionary<ushort, int> Usages = BuildUsages();

    public static byte[] Bytes(IEnumerable<InputEvent> events)
    {
        var list = events.ToList();
        var bytes = new byte[list.Count * InputEvent.Size];
        for (var i = 0; i < list.Count; i++)
        {
            list[i].Write(bytes.AsSpan(i * InputEvent.Size));
        }

        return bytes;
    }

    public static byte[] Type(string text, KeyboardLayout layout, ushort? terminatorKey = 28, bool capsLock = false) =>
        Bytes(Events(text, layout, terminatorKey, capsLock));

    public static IEnumerable<InputEvent> Events(string text, KeyboardLayout layout, ushort? terminatorKey = 28, bool capsLock = false)
    {
        var clock = new Clock();
        if (capsLock)
        {
            foreach (var e in Tap(clock, 58))
            {
                yield return e;
            }
        }

        foreach (var c in text)
        {
            if (!layout.TryFindKey(c, out var code, out var level, out var dead))
            {
                throw new ArgumentException($"layout {layout} cannot type U+{(int)c:X4}", nameof(text));
            }

            var shifted = level == KeyLevel.Shift;
            if (capsLock && layout.IsCapsLockable(code))
            {
                shifted = !shifted;
            }

            ushort? modifier = level == KeyLevel.AltGr ? RightAlt : shifted ? LeftShift : null;
            foreach (var e in Tap(clock, code, modifier))
            {
                yield return e;
            }

            if (dead)
            {
                foreach (var e in Tap(clock, 57))
                {
                    yield return e;
                }
            }
        }

        if (terminatorKey is { } terminator)
        {
            foreach (var e in Tap(clock, terminator))
            {
                yield return e;
            }
        }
    }

    /// <summary>A scanner in "Alt mode": each character as Left Alt held around its decimal code on the keypad.</summary>
    public static byte[] AltCodes(string text)
    {
        ushort[] keypad = [82, 79, 80, 81, 75, 76, 77, 71, 72, 73];
        var clock = new Clock();
        var events = new List<InputEvent>();
        foreach (var c in text)
        {
            events.AddRange(Report(clock, 56, 1));
            foreach (var digit in ((int)c).ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                events.AddRange(Tap(clock, keypad[digit - '0']));
            }

            events.AddRange(Report(clock, 56, 0));
        }

        events.AddRange(Tap(clock, 28));
        return Bytes(events);
    }

    /// <summary>One key pressed and released, with an optional modifier held around it.</summary>
    public static IEnumerable<InputEvent> Tap(Clock clock, ushort code, ushort? modifier = null)
    {
        if (modifier is { } held)
        {
            foreach (var e in Report(clock, held, 1))
            {
                yield return e;
            }
        }

        foreach (var e in Report(clock, code, 1).Concat(Report(clock, code, 0)))
        {
            yield return e;
        }

        if (modifier is { } release)
        {
            foreach (var e in Report(clock, release, 0))
            {
                yield return e;
            }
        }
    }

    private static IEnumerable<InputEvent> Report(Clock clock, ushort code, int value)
    {
        var (seconds, micros) = clock.Next();
        yield return new InputEvent(seconds, micros, 0x04, 0x04, Usages.TryGetValue(code, out var usage) ? usage : 0x70000 | code);
        yield return new InputEvent(seconds, micros, 0x01, code, value);
        yield return new InputEvent(seconds, micros, 0x00, 0, 0);
    }

    private static Dictionary<ushort, int> BuildUsages()
    {
        ushort[] letters = [30, 48, 46, 32, 18, 33, 34, 35, 23, 36, 37, 38, 50, 49, 24, 25, 16, 19, 31, 20, 22, 47, 17, 45, 21, 44];
        var usages = new Dictionary<ushort, int>();
        for (var i = 0; i < letters.Length; i++)
        {
            usages[letters[i]] = 0x70004 + i;
        }

        for (ushort code = 2; code <= 11; code++)
        {
            usages[code] = 0x7001e + code - 2;
        }

        ushort[] rest = [28, 1, 14, 15, 57, 12, 13, 26, 27, 43];
        for (var i = 0; i < rest.Length; i++)
        {
            usages[rest[i]] = 0x70028 + i;
        }

        usages[39] = 0x70033;
        usages[40] = 0x70034;
        usages[41] = 0x70035;
        usages[51] = 0x70036;
        usages[52] = 0x70037;
        usages[53] = 0x70038;
        usages[58] = 0x70039;
        usages[86] = 0x70064;
        usages[LeftShift] = 0x700e1;
        usages[RightAlt] = 0x700e6;
        return usages;
    }

    /// <summary>Event timestamps: one report per millisecond from a fixed start, so recordings are reproducible.</summary>
    internal sealed class Clock
    {
        private long _reports;

        public (long Seconds, long Microseconds) Next()
        {
            var micros = _reports++ * 1000;
            return (FirstSecond + micros / 1_000_000, micros % 1_000_000);
        }
    }
}
