using System.Text;

namespace ScanPoint.Hardware.Hid;

/// <summary>
/// Turns evdev key events into scans: tracks Shift (left/right), AltGr, Ctrl and Caps Lock, types characters
/// through a <see cref="KeyboardLayout"/>, and ends a scan on a terminator key (or <see cref="Flush"/>).
/// Key repeats (value 2) are ignored: a scanner never holds a key for the kernel's 250 ms repeat delay,
/// so a repeat is a stuck key, not data. A dead key followed by Space types the dead key's own character;
/// followed by anything else it types both characters (no composition: scan payloads are ASCII).
/// Keys typed with Ctrl held and keys the layout does not know are skipped. Left Alt held while keypad digits
/// are typed enters a character by its decimal code when Alt is released (a scanner's layout-independent
/// "Alt mode"; the code is taken as Unicode, which for ASCII is what every code page agrees on).
/// </summary>
internal sealed class KeystrokeDecoder
{
    private readonly KeyboardLayout _layout;
    private readonly HidTerminators _terminators;
    private readonly int _maxLength;
    private readonly StringBuilder _text = new();
    private bool _leftShift;
    private bool _rightShift;
    private bool _altGr;
    private int _ctrl;
    private bool _leftAlt;
    private int? _altCode;
    private bool _overLong;
    private KeySymbol? _pendingDead;

    public KeystrokeDecoder(KeyboardLayout layout, HidTerminators terminators, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        _layout = layout;
        _terminators = terminators;
        _maxLength = maxLength;
    }

    public bool CapsLock { get; private set; }

    /// <summary>Scans dropped because they were longer than the maximum length.</summary>
    public long DroppedOverLong { get; private set; }

    /// <summary>Whether keys have been typed since the last scan ended.</summary>
    public bool HasPending => _text.Length > 0 || _overLong || _pendingDead is not null || _altCode is not null;

    /// <summary>Takes one event; returns a finished scan's text, or null.</summary>
    public string? Accept(InputEvent inputEvent)
    {
        if (inputEvent.Type != KeyCodes.EvKey || inputEvent.Value == KeyCodes.Repeated)
        {
            return null;
        }

        var pressed = inputEvent.Value == KeyCodes.Pressed;
        switch (inputEvent.Code)
        {
            case KeyCodes.LeftShift:
                _leftShift = pressed;
                return null;
            case KeyCodes.RightShift:
                _rightShift = pressed;
                return null;
            case KeyCodes.RightAlt:
                _altGr = pressed;
                return null;
            case KeyCodes.LeftCtrl or KeyCodes.RightCtrl:
                _ctrl = Math.Max(0, _ctrl + (pressed ? 1 : -1));
                return null;
            case KeyCodes.LeftAlt:
                _leftAlt = pressed;
                if (!pressed && _altCode is { } altCode)
                {
                    _altCode = null;
                    Type(new KeySymbol((char)altCode, Dead: false));
                }

                return null;
            case KeyCodes.CapsLock:
                CapsLock ^= pressed;
                return null;
        }

        return pressed ? Press(inputEvent.Code) : null;
    }

    /// <summary>Ends the scan in progress (the inter-key timeout): its text, or null if none or dropped.</summary>
    public string? Flush()
    {
        if (_pendingDead is { } dead)
        {
            Append(dead.Character);
        }

        var text = _overLong || _text.Length == 0 ? null : _text.ToString();
        if (_overLong)
        {
            DroppedOverLong++;
        }

        _text.Clear();
        _overLong = false;
        _pendingDead = null;
        return text;
    }

    private string? Press(ushort code)
    {
        var terminator = code switch
        {
            KeyCodes.Enter or KeyCodes.KpEnter => HidTerminators.Enter,
            KeyCodes.Tab => HidTerminators.Tab,
            _ => HidTerminators.None,
        };
        if (terminator != HidTerminators.None)
        {
            if ((_terminators & terminator) != 0)
            {
                return Flush();
            }

            Type(new KeySymbol(terminator == HidTerminators.Tab ? '\t' : '\n', Dead: false));
            return null;
        }

        if (_leftAlt)
        {
            // Alt+keypad digits build a character code; Alt with any other key is a shortcut, not text
            _altCode = KeypadDigit(code) is { } digit ? Math.Min(((_altCode ?? 0) * 10) + digit, char.MaxValue) : _altCode;
            return null;
        }

        if (_ctrl == 0 && _layout.TryGetSymbol(code, LevelFor(code), out var symbol))
        {
            Type(symbol);
        }

        return null;
    }

    private static int? KeypadDigit(ushort code) => code switch
    {
        KeyCodes.Kp0 => 0,
        KeyCodes.Kp1 or KeyCodes.Kp2 or KeyCodes.Kp3 => code - KeyCodes.Kp1 + 1,
        KeyCodes.Kp4 or KeyCodes.Kp5 or KeyCodes.Kp6 => code - KeyCodes.Kp4 + 4,
        KeyCodes.Kp7 or KeyCodes.Kp8 or KeyCodes.Kp9 => code - KeyCodes.Kp7 + 7,
        _ => null,
    };

    private KeyLevel LevelFor(ushort code)
    {
        if (_altGr)
        {
            return KeyLevel.AltGr;
        }

        var shift = _leftShift || _rightShift;
        return shift ^ (CapsLock && _layout.IsCapsLockable(code)) ? KeyLevel.Shift : KeyLevel.Normal;
    }

    private void Type(KeySymbol symbol)
    {
        if (_pendingDead is { } dead)
        {
            _pendingDead = null;
            Append(dead.Character);
            if (symbol.Character == ' ' || symbol == dead)
            {
                return;
            }
        }

        if (symbol.Dead)
        {
            _pendingDead = symbol;
            return;
        }

        Append(symbol.Character);
    }

    private void Append(char c)
    {
        if (_overLong)
        {
            return;
        }

        if (_text.Length >= _maxLength)
        {
            _overLong = true;
            _text.Clear();
            return;
        }

        _text.Append(c);
    }
}
