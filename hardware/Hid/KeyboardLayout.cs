namespace ScanPoint.Hardware.Hid;

/// <summary>
/// The keyboard layout a wedge scanner is configured for: which key (and modifier) types which character.
/// Modelled on the Linux console/XKB layouts <c>us</c>, <c>de</c> (QWERTZ, with dead keys) and <c>fr</c> (AZERTY).
/// </summary>
public sealed class KeyboardLayout
{
    private readonly IReadOnlyDictionary<(ushort Code, KeyLevel Level), KeySymbol> _symbols;
    private readonly Dictionary<char, (ushort Code, KeyLevel Level, bool Dead)> _keysByChar = [];

    private KeyboardLayout(string name, LayoutTable table)
    {
        Name = name;
        _symbols = table.Symbols;
        foreach (var ((code, level), symbol) in _symbols.Where(s => !IsKeypad(s.Key.Code)).OrderBy(s => s.Key.Level).ThenBy(s => s.Key.Code))
        {
            _keysByChar.TryAdd(symbol.Character, (code, level, symbol.Dead));
        }
    }

    /// <summary>US QWERTY.</summary>
    public static KeyboardLayout Us { get; } = new("us", UsLayout.Create());

    /// <summary>German QWERTZ; <c>^</c> and <c>`</c> are dead keys (a scanner sends them followed by Space).</summary>
    public static KeyboardLayout De { get; } = new("de", DeLayout.Create());

    /// <summary>French AZERTY; digits need Shift.</summary>
    public static KeyboardLayout Fr { get; } = new("fr", FrLayout.Create());

    public string Name { get; }

    /// <summary>The layout called <paramref name="name"/> (<c>us</c>, <c>de</c>, <c>fr</c>), or null.</summary>
    public static KeyboardLayout? Find(string name) => name.ToUpperInvariant() switch
    {
        "US" => Us,
        "DE" => De,
        "FR" => Fr,
        _ => null,
    };

    /// <summary>The character the key types at that level, if any.</summary>
    internal bool TryGetSymbol(ushort code, KeyLevel level, out KeySymbol symbol) =>
        _symbols.TryGetValue((code, level), out symbol);

    /// <summary>Whether Caps Lock shifts this key (letters only, as on the Linux console and XKB).</summary>
    internal bool IsCapsLockable(ushort code) =>
        _symbols.TryGetValue((code, KeyLevel.Normal), out var normal) && char.IsLetter(normal.Character) &&
        _symbols.TryGetValue((code, KeyLevel.Shift), out var shifted) && shifted.Character == char.ToUpperInvariant(normal.Character);

    /// <summary>The key that types <paramref name="c"/> (preferring no modifier, then Shift, then AltGr); for test generators.</summary>
    internal bool TryFindKey(char c, out ushort code, out KeyLevel level, out bool dead)
    {
        var found = _keysByChar.TryGetValue(c, out var key);
        (code, level, dead) = key;
        return found;
    }

    public override string ToString() => Name;

    private static bool IsKeypad(ushort code) =>
        code is KeyCodes.KpAsterisk or (>= KeyCodes.Kp7 and <= KeyCodes.KpDot) or KeyCodes.KpEnter or KeyCodes.KpSlash;
}
